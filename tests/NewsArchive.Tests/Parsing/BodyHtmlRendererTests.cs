using NewsArchive.Parsing;

namespace NewsArchive.Tests.Parsing;

/// <summary>The sanitised body HTML: article structure kept, code, handlers, hostile links and chrome gone.</summary>
public sealed class BodyHtmlRendererTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3));
    private static readonly Uri PageUrl = new("https://news.example/2026/03/11/story/");

    private const string HostilePage = """
        <html><head><title>Дилеры получили первые партии</title></head><body>
        <div class="menu"><a href="/">Главная</a> <a href="/news/">Новости</a></div>
        <div class="news-detail">
          <h1>Дилеры получили первые партии</h1>
          <p onclick="steal()" class="lead" style="color:red" id="x1">Первый абзац новости о рынке автомобилей, в котором достаточно слов, запятых и смысла, чтобы его посчитали текстом.</p>
          <script>document.write('<p>вставка скрипта</p>')</script>
          <h2 onmouseover="x()">Что изменилось</h2>
          <p>Второй абзац: дилеры, импортёры и аналитики обсуждают <a href="javascript:alert(1)">цены</a>, <a href="/news/spros/" onclick="track()">спрос</a> и <a href="https://bank.example/credit">кредиты</a>.</p>
          <ul><li>Первый пункт списка с подробностями о поставках</li><li>Второй пункт списка с подробностями о ценах</li></ul>
          <table><tr><th>Марка</th><th>Продажи</th></tr><tr><td>Lada</td><td>29 100</td></tr></table>
          <blockquote>Рынок постепенно восстанавливается, однако ставка сдерживает спрос, — отметил аналитик.</blockquote>
          <figure><img src="/upload/photo.jpg" alt="Склад" onerror="boom()"><figcaption>Склад дилера в Подмосковье</figcaption></figure>
          <p><img src="data:image/gif;base64,R0lGOD" data-src="/upload/lazy.jpg" alt="Витрина"></p>
          <iframe src="https://video.example/embed/1"></iframe>
          <form action="/subscribe"><input name="email"><button>Подписаться на рассылку</button></form>
          <style>.x{color:red}</style>
          <div class="share">Поделиться: <a href="#">VK</a> <a href="#">OK</a> <a href="#">Telegram</a></div>
          <div class="views">6201</div>
        </div>
        <div class="footer">© 2026 Все права защищены</div>
        </body></html>
        """;

    private static string Render() =>
        new ArticleParser().Parse(HostilePage, PageUrl, new ParseContext(Now, SiteTimeZones.Default)).BodyHtml;

    [Fact]
    public void Parse_HostileBody_HasNoCodeHandlersOrScriptLinks()
    {
        var html = Render();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("вставка скрипта", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\son\w+\s*=", html);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HostileBody_KeepsStructureWithAbsoluteLinks()
    {
        var html = Render();

        Assert.Contains("<h2>Что изменилось</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Первый пункт списка с подробностями о поставках</li>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Марка</th>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>Рынок постепенно восстанавливается", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://news.example/news/spros/\">спрос</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://bank.example/credit\">кредиты</a>", html, StringComparison.Ordinal);
        // The javascript: link stays as its text.
        Assert.Contains("обсуждают цены,", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HostileBody_KeepsCaptionedAndLazyImages()
    {
        var html = Render();

        Assert.Contains("<figure><img src=\"https://news.example/upload/photo.jpg\" alt=\"Склад\"><figcaption>Склад дилера в Подмосковье</figcaption></figure>", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://news.example/upload/lazy.jpg\" alt=\"Витрина\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HostileBody_LeavesChromeOut()
    {
        var html = Render();

        foreach (var chrome in new[] { "Главная", "Поделиться", "Telegram", "6201", "Подписаться", "Все права защищены", "Дилеры получили первые партии" })
        {
            Assert.DoesNotContain(chrome, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_BodyNestedThousandsDeep_RendersWithoutOverflow()
    {
        var text = "<p>Первый абзац новости о рынке автомобилей, в котором достаточно слов, запятых и смысла, чтобы его посчитали текстом.</p>";
        var html = "<html><body><div class=\"news-detail\">" + text + text + string.Concat(Enumerable.Repeat("<div>", 1000)) + "<b>глубоко</b>"
            + string.Concat(Enumerable.Repeat("</div>", 1000)) + "</div></body></html>";

        var page = new ArticleParser().Parse(html, PageUrl, new ParseContext(Now, SiteTimeZones.Default));

        // AngleSharp's parser stops nesting at 512 levels, which keeps the recursive serialisation safe.
        Assert.Contains("Первый абзац новости", page.Body, StringComparison.Ordinal);
        Assert.EndsWith("<b>глубоко</b>", page.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PageWithoutBody_GivesEmptyHtml()
    {
        var page = new ArticleParser().Parse("<html><body><div class=\"menu\"><a href=\"/\">Главная</a></div></body></html>", PageUrl, new ParseContext(Now, SiteTimeZones.Default));

        Assert.Equal("", page.BodyHtml);
    }
}
