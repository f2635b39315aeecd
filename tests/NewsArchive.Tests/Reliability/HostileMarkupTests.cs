using System.Text;
using NewsArchive.Crawling;
using NewsArchive.Parsing;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// Hostile bodies handed to the parsers directly: runaway nesting, very wide pages, regex bait, entity
/// expansion and external entities, oversized feeds. The hang guards are generous; a pass says "linear
/// enough", a failure used to take minutes or hours.
/// </summary>
public sealed class HostileMarkupTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);
    private static readonly ParseContext Context = new(new DateTimeOffset(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3)), TimeZoneInfo.Utc);
    private static readonly Uri PageUrl = new("https://abreview.ru/ab/news/rynok/x/");
    private const string Paragraph = "<p>Продажи новых легковых автомобилей в феврале выросли на двенадцать процентов, сообщили дилеры, опрошенные редакцией.</p>";

    private static string Page(string body) => $"<!DOCTYPE html><html><head><title>Продажи выросли</title></head><body>{body}</body></html>";

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    [Fact]
    public async Task Parse_HundredThousandNestedElements_RefusedWithReason()
    {
        var html = Page(Repeat("<div>", 100_000) + Paragraph + Repeat("</div>", 100_000));

        var page = await Task.Run(() => new ArticleParser().Parse(html, PageUrl, Context)).WaitAsync(HangGuard);

        Assert.Equal(PageKind.Other, page.Kind);
        Assert.Equal("markup nested more than 5000 levels deep", page.Unreadable);
    }

    [Fact]
    public async Task Parse_NestedJustBelowTheLimit_ParsedWithoutStackOverflow()
    {
        // Parsed on a thread-pool thread (a small stack), where a recursive walk over thousands of levels would end the
        // process; AngleSharp attaches what lies past its 512 levels as siblings, so the walks also meet a wide tree.
        var html = Page(Repeat("<div><span>", 1_200) + Paragraph + Paragraph + Repeat("</span></div>", 1_200));

        var page = await Task.Run(() => new ArticleParser().Parse(html, PageUrl, Context)).WaitAsync(HangGuard);

        Assert.Null(page.Unreadable);
        Assert.Contains("двенадцать процентов", page.Body);
    }

    [Fact]
    public async Task Parse_FortyThousandSiblings_Finishes()
    {
        // Sibling walks through AngleSharp's NextSibling were quadratic (100,000 siblings: 47 s in TextStats alone);
        // kept smaller here so that the suite stays quick, this is a smoke test of the wide-page path.
        var html = Page("<article>" + Repeat("<div>Строка таблицы продаж</div>", 40_000) + Paragraph + "</article>");

        var page = await Task.Run(() => new ArticleParser().Parse(html, PageUrl, Context)).WaitAsync(HangGuard);

        Assert.Null(page.Unreadable);
        Assert.Contains("двенадцать процентов", page.Body);
    }

    [Theory]
    [InlineData("<p>", 20_000)]
    [InlineData("<li>", 20_000)]
    [InlineData("<br><img src=x><input>", 20_000)]
    [InlineData("<script>document.write('<div><div><div>')</script>", 20_000)]
    [InlineData("<!-- <div><div> -->", 20_000)]
    [InlineData("<div></div>", 20_000)]
    [InlineData("<span/>", 20_000)]
    public void IsDeeperThan_SloppyButFlatMarkup_False(string fragment, int times) =>
        Assert.False(HtmlNesting.IsDeeperThan(Page(Repeat(fragment, times))));

    [Fact]
    public void IsDeeperThan_OneLevelPastTheLimit_True()
    {
        Assert.False(HtmlNesting.IsDeeperThan(Page(Repeat("<span>", HtmlNesting.MaxDepth))));
        Assert.True(HtmlNesting.IsDeeperThan(Page(Repeat("<span>", HtmlNesting.MaxDepth + 1))));
    }

    [Fact]
    public async Task LooksLikeShell_ThousandsOfUnclosedScriptsAndNoscripts_Finishes()
    {
        // A backtracking "<script.*?</script>" rescans to the end of the page from every "<script": hours for this one.
        var html = Page(Repeat("<script src=a.js>var x = 1;", 100_000) + Repeat("<noscript>" + new string(' ', 50) + "please", 20_000));
        var parsed = new ParsedPage { Url = PageUrl, Kind = PageKind.Other };

        var shell = await Task.Run(() => ShellPageDetector.LooksLikeShell(html, parsed)).WaitAsync(HangGuard);

        Assert.False(shell);
    }

    [Fact]
    public void FeedReaderRead_BillionLaughsAndExternalEntity_NothingExpandedItemsKept()
    {
        var entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10)}\">");
        }
        var feed = $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [{entities}<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>&lol9;</title>
            <item><title>&xxe;</title><link>https://abreview.ru/ab/news/rynok/a/</link></item>
            <item><title>&lol9;</title><link>https://abreview.ru/ab/news/rynok/b/</link></item>
            </channel></rss>
            """;

        var items = FeedReader.Read(feed, new Uri("https://abreview.ru/rss/"), Context.Now, TimeZoneInfo.Utc);

        Assert.Equal(["https://abreview.ru/ab/news/rynok/a/", "https://abreview.ru/ab/news/rynok/b/"], items.Select(i => i.Url.AbsoluteUri));
        Assert.All(items, i => Assert.True((i.Title?.Length ?? 0) < 100, i.Title));
        Assert.DoesNotContain(items, i => i.Title?.Contains("root:", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void FeedReaderRead_TenThousandItems_StopsAtItsBound()
    {
        var items = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            items.Append($"<item><title>Новость {i}</title><link>https://abreview.ru/ab/news/rynok/{i}/</link></item>");
        }

        var read = FeedReader.Read($"<rss version=\"2.0\"><channel>{items}</channel></rss>", new Uri("https://abreview.ru/rss/"), Context.Now, TimeZoneInfo.Utc);

        Assert.Equal(5_000, read.Count);
    }

    [Fact]
    public void SitemapReaderRead_EntityExpansionAndExternalEntity_NotExpanded()
    {
        var sitemap = """
            <?xml version="1.0"?>
            <!DOCTYPE urlset [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>https://abreview.ru/ab/news/rynok/a/</loc></url>
            <url><loc>https://abreview.ru/ab/news/&lol1;/</loc></url>
            <url><loc>&xxe;</loc></url>
            </urlset>
            """;

        var document = SitemapReader.Read(Encoding.UTF8.GetBytes(sitemap), new Uri("https://abreview.ru/sitemap.xml"));

        Assert.Equal(["https://abreview.ru/ab/news/rynok/a/"], document.Urls.Select(u => u.Url.AbsoluteUri));
        Assert.NotNull(document.Problem);
    }
}
