using NewsArchive.Parsing;
using NewsArchive.Sites;

namespace NewsArchive.Tests.Parsing;

/// <summary>A site profile's selectors come first; what they leave out or do not find stays generic.</summary>
public sealed class ArticleParserProfileTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3));
    private static readonly Uri PageUrl = new("https://trade.example/news/2026/03/11/story/");

    /// <summary>
    /// A page the generic extractor gets wrong: the short article sits beside a long "press archive" digest that
    /// scores higher, the h1 is the site's name and the date shown is in a custom format.
    /// </summary>
    private const string Page = """
        <html><head><title>Торговый вестник</title></head><body>
        <h1 class="site-name">Торговый вестник</h1>
        <div class="story">
          <div class="story-head">Дилеры Haval получили первые партии кроссоверов</div>
          <div class="story-when">Опубл. 11/03/2026 в 12.30</div>
          <div class="story-by">Автор: Ирина Соколова</div>
          <div class="story-text"><p>Первые партии новых кроссоверов поступили к дилерам в Москве и Туле.</p>
            <div class="promo">Подпишитесь на наш канал, чтобы не пропустить новости!</div>
            <p>Продажи начнутся в апреле, цены объявят позже.</p></div>
          <div class="story-stats">Просмотров: 1 234</div>
          <div class="more-news"><strong>Читайте по теме</strong>
            <div class="more-item"><a href="/news/2026/03/05/haval-tula/">Haval расширит завод в Туле</a> <em>05/03/2026</em></div>
            <div class="more-item"><a href="/news/2026/03/01/haval-sales/">Продажи Haval выросли на 12%</a> <em>01/03/2026</em></div>
          </div>
        </div>
        <div class="digest">
          <p>Архив пресс-релизов: компания, дилеры, импортёры, аналитики, банки, лизинговые компании, страховщики, все они, как обычно, публикуют отчёты, прогнозы, комментарии, мнения и обзоры рынка за неделю.</p>
          <p>Ещё один абзац дайджеста, длинный, с запятыми, перечислениями, цифрами, оценками, ссылками на источники, цитатами и выводами о том, что рынок, как и прежде, растёт.</p>
          <p>Третий абзац дайджеста: спрос, предложение, цены, скидки, кредиты, лизинг, подписка, трейд-ин, всё, что обсуждали участники рынка, собрано здесь, чтобы не искать.</p>
        </div>
        </body></html>
        """;

    private static ParsedPage Parse(SiteProfile? profile, string html = Page) =>
        new ArticleParser(profile).Parse(html, PageUrl, new ParseContext(Now, SiteTimeZones.Default));

    [Fact]
    public void Parse_GenericGetsThePageWrong_ProfileFixesEveryField()
    {
        var generic = Parse(null);
        Assert.Equal("Торговый вестник", generic.Title);
        Assert.Contains("Архив пресс-релизов", generic.Body, StringComparison.Ordinal);
        Assert.NotEqual(12, generic.Published?.Hour);

        var profile = SiteProfileJson.Parse("""
            {
              "title": ".story-head",
              "date": { "selector": ".story-when", "format": "dd/MM/yyyy в HH.mm" },
              "body": ".story-text",
              "drop": [".promo"],
              "authors": ".story-by",
              "views": ".story-stats",
              "related": { "container": ".more-news", "item": ".more-item a", "date": "em" }
            }
            """);
        var page = Parse(profile);

        Assert.Equal("Дилеры Haval получили первые партии кроссоверов", page.Title);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 12, 30, 0, TimeSpan.FromHours(3)), page.Published);
        Assert.Equal(DateSource.Profile, page.PublishedSource);
        Assert.Equal("Первые партии новых кроссоверов поступили к дилерам в Москве и Туле.\n\nПродажи начнутся в апреле, цены объявят позже.", page.Body);
        Assert.DoesNotContain("Подпишитесь", page.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(["Ирина Соколова"], page.Authors);
        Assert.Equal(1234, page.Views);
        var related = page.Links.Where(l => l.Kind == LinkKind.Related).ToList();
        Assert.Equal(["https://trade.example/news/2026/03/05/haval-tula/", "https://trade.example/news/2026/03/01/haval-sales/"], related.Select(l => l.Url.AbsoluteUri));
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.FromHours(3)), related[0].Published);
        Assert.Equal("Читайте по теме", related[0].Heading);
        Assert.Equal(PageKind.Article, page.Kind);
        Assert.Equal(["title", "date", "authors", "views", "related", "body"], page.ProfileFields);
    }

    [Fact]
    public void Parse_ProfileSelectorsMatchNothing_FallBackToGeneric()
    {
        var generic = Parse(null);
        var profile = SiteProfileJson.Parse("""{"title": ".no-such", "date": ".no-such", "body": "#missing", "views": ".no-views", "related": ".no-related", "authors": ".none"}""");

        var page = Parse(profile);

        Assert.Equal(generic.Title, page.Title);
        Assert.Equal(generic.Published, page.Published);
        Assert.Equal(generic.Body, page.Body);
        Assert.Equal(generic.Views, page.Views);
        Assert.Equal(generic.Authors, page.Authors);
        Assert.Equal(generic.BodyHtml, page.BodyHtml);
        Assert.Equal(generic.Links, page.Links);
        Assert.Empty(page.ProfileFields);
    }

    [Fact]
    public void Parse_ProfileWithSomeFields_LeavesTheOthersGeneric()
    {
        var generic = Parse(null);

        var page = Parse(SiteProfileJson.Parse("""{"authors": ".story-by", "date": {"selector": ".story-when", "format": "dd/MM/yyyy в HH.mm"}}"""));

        Assert.Equal(["Ирина Соколова"], page.Authors);
        Assert.Equal(12, page.Published?.Hour);
        Assert.Equal(generic.Title, page.Title);
        Assert.Equal(generic.Body, page.Body);
        Assert.Equal(generic.Views, page.Views);
        Assert.Equal(["date", "authors"], page.ProfileFields);
    }

    [Fact]
    public void Parse_RussianDateFormat_ReadsMonthNamesInTheSiteZone()
    {
        var page = Parse(SiteProfileJson.Parse("""{"date": {"selector": ".d", "format": "russian"}, "body": ".t"}"""),
            "<html><body><span class=\"d\">Опубликовано: 10 марта 2026, 18:05</span><div class=\"t\"><p>Короткий текст заметки.</p></div></body></html>");

        Assert.Equal(new DateTimeOffset(2026, 3, 10, 18, 5, 0, TimeSpan.FromHours(3)), page.Published);
        Assert.Equal("Короткий текст заметки.", page.Body);
    }

    [Fact]
    public void Parse_DateInTheFuture_IsNotTaken()
    {
        var page = Parse(SiteProfileJson.Parse("""{"date": {"selector": ".d", "format": "dd.MM.yyyy"}}"""),
            "<html><body><span class=\"d\">20.03.2026</span><p>Текст.</p></body></html>");

        Assert.NotEqual(DateSource.Profile, page.PublishedSource);
    }

    [Fact]
    public void Parse_ListingProfile_TakesItsItemsAndNextPage()
    {
        const string listing = """
            <html><body><h1>Новости</h1>
            <div class="list">
              <div class="row"><a class="t" href="/news/a/">Первая новость о рынке автомобилей</a> <a class="c" href="/news/a/#comments">3</a></div>
              <div class="row"><a class="t" href="/news/b/">Вторая новость о рынке автомобилей</a> <a class="c" href="/news/b/#comments">5</a></div>
            </div>
            <div class="pages"><a href="/news/?page=1">1</a> <a class="forward" href="/news/?page=3">вперёд</a></div>
            </body></html>
            """;

        var page = Parse(SiteProfileJson.Parse("""{"listing_items": ".list a.t", "next_page": ".pages a.forward"}"""), listing);

        Assert.Equal(PageKind.Listing, page.Kind);
        Assert.Equal(["https://trade.example/news/a/", "https://trade.example/news/b/"], page.Links.Where(l => l.Kind == LinkKind.Listing).Select(l => l.Url.AbsoluteUri));
        Assert.Equal(["https://trade.example/news/?page=3"], page.NextPageUrls.Select(u => u.AbsoluteUri));
    }
}
