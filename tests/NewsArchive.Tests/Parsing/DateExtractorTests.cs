using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsArchive.Parsing;

namespace NewsArchive.Tests.Parsing;

public sealed class DateExtractorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3));
    private static readonly Uri PageUri = new("https://autonews.example/news/lada-vesta-sport");
    private readonly DateExtractor _extractor = new();

    [Fact]
    public void Extract_TitleAndDateInThemePageHeader_TimeElementTaken()
    {
        // Themes like Hestia set the title and its date in a page header above the body, which repeats the title.
        var html = Page(
            body: """
                <header class="header"><div class="page-header"><h1 class="entry-title">Lada Vesta Sport</h1>
                <h4 class="author">Опубликовано <time class="date updated published" datetime="2026-02-23T10:07:02+03:00">23 февраля 2026</time></h4></div></header>
                <article class="post"><h1>Lada Vesta Sport</h1><h4 class="date">Заявки до 3 апреля</h4><p>Текст.</p></article>
                """);

        var dates = _extractor.Extract(html, PageUri, Now, SiteTimeZones.Default, "Lada Vesta Sport");

        Assert.Equal("2026-02-23T10:07:02+03:00", Format(dates.Published));
        Assert.Equal(DateSource.TimeElement, dates.PublishedSource);
    }

    [Fact]
    public void Extract_JsonLdAndMeta_JsonLdWins()
    {
        var html = Page(
            head: """
                <meta property="article:published_time" content="2026-03-01T08:00:00+03:00">
                <script type="application/ld+json">
                {"@context":"https://schema.org","@type":"NewsArticle","headline":"Lada","datePublished":"2026-03-11T12:30:00+03:00"}
                </script>
                """,
            body: "<article><h1>Lada</h1><p>Текст.</p></article>");

        var dates = Extract(html);

        Assert.Equal("2026-03-11T12:30:00+03:00", Format(dates.Published));
        Assert.Equal(DateSource.JsonLd, dates.PublishedSource);
    }

    [Fact]
    public void Extract_StructuredDatesDisagree_TheOneThePageShowsWins()
    {
        const string head = """
            <meta property="article:published_time" content="2026-03-06T08:29:34+03:00">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2026-03-04T07:29:00+03:00"}</script>
            """;
        var shown = Page(head: head, body: """<article><h1>Lada</h1><div class="article-date">06.03.2026</div><p>Текст.</p></article>""");
        var unshown = Page(head: head, body: """<article><h1>Lada</h1><p>Текст.</p></article>""");
        var shownDayOfNeither = Page(head: head, body: """<article><h1>Lada</h1><div class="article-date">09.03.2026</div><p>Текст.</p></article>""");

        Assert.Equal("2026-03-06T08:29:34+03:00", Format(Extract(shown).Published));
        Assert.Equal(DateSource.Meta, Extract(shown).PublishedSource);
        Assert.Equal("2026-03-04T07:29:00+03:00", Format(Extract(unshown).Published));
        Assert.Equal("2026-03-04T07:29:00+03:00", Format(Extract(shownDayOfNeither).Published));
    }

    [Fact]
    public void Extract_JsonLdGraphWithWebPageAndArticle_PrefersArticle()
    {
        var html = Page(
            head: """
                <script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[
                  {"@type":"WebPage","datePublished":"2020-01-01T00:00:00+03:00"},
                  {"@type":"ImageObject","datePublished":"2019-05-05T00:00:00+03:00"},
                  {"@type":["NewsArticle"],"datePublished":"2026-03-11T12:30:00+03:00","dateModified":"2026-03-12T09:00:00+03:00"}
                ]}
                </script>
                """,
            body: "<h1>Lada</h1>");

        var dates = Extract(html);

        Assert.Equal("2026-03-11T12:30:00+03:00", Format(dates.Published));
        Assert.Equal("2026-03-12T09:00:00+03:00", Format(dates.Modified));
        Assert.Equal(DateSource.JsonLd, dates.ModifiedSource);
    }

    [Fact]
    public void Extract_BrokenJsonLd_StillReadsDatePublished()
    {
        var html = Page(
            head: """
                <script type="application/ld+json">
                {"@type":"NewsArticle","headline":"Цитата "в кавычках"","datePublished":"2026-03-11T12:30:00+03:00",}}
                </script>
                """,
            body: "<h1>Lada</h1>");

        var dates = Extract(html);

        Assert.Equal("2026-03-11T12:30:00+03:00", Format(dates.Published));
        Assert.Equal(DateSource.JsonLd, dates.PublishedSource);
    }

    [Fact]
    public void Extract_MetaAndVisibleText_MetaWins()
    {
        var html = Page(
            head: """<meta property="article:published_time" content="2026-03-10T09:15:00+03:00">""",
            body: """<h1>Lada</h1><div class="article-date">11 марта 2026, 12:30</div><p>Текст.</p>""");

        var dates = Extract(html);

        Assert.Equal("2026-03-10T09:15:00+03:00", Format(dates.Published));
        Assert.Equal(DateSource.Meta, dates.PublishedSource);
    }

    [Fact]
    public void Extract_ItempropDatePublished_ReadsContent()
    {
        var html = Page(body: """
            <article itemscope itemtype="https://schema.org/NewsArticle">
              <h1 itemprop="headline">Lada</h1>
              <span itemprop="datePublished" content="2026-03-11T12:30:00+03:00">11 марта</span>
            </article>
            """);

        var dates = Extract(html);

        Assert.Equal("2026-03-11T12:30:00+03:00", Format(dates.Published));
        Assert.Equal(DateSource.Itemprop, dates.PublishedSource);
    }

    [Fact]
    public void Extract_TimeElementsInHeaderAndRelatedList_TakesHeader()
    {
        var html = Page(body: """
            <aside class="sidebar"><ul><li><time datetime="2026-03-12T08:00">8:00</time> <a href="/a">Другая новость</a></li></ul></aside>
            <article>
              <h1>Lada</h1>
              <div class="meta"><time datetime="2026-03-11T12:30:00+03:00">11 марта 2026, 12:30</time></div>
              <p>Текст статьи.</p>
              <div class="related-news"><time datetime="2026-03-12T09:00">12 марта</time> <a href="/b">Ещё новость</a></div>
            </article>
            """);

        var dates = Extract(html);

        Assert.Equal("2026-03-11T12:30:00+03:00", Format(dates.Published));
        Assert.Equal(DateSource.TimeElement, dates.PublishedSource);
    }

    [Fact]
    public void Extract_DatesInUnlabelledRelatedNewsList_AreIgnored()
    {
        var html = Page(body: """
            <h1>АвтоВАЗ начал продажи Lada Vesta Sport</h1>
            <div>Автор: Иван Петров · 11 марта 2026, 12:30 · 6201 просмотр</div>
            <p>АвтоВАЗ начал продажи новой версии. Машина получила мотор 1,8 литра, усиленную подвеску
            и новые тормоза; первые автомобили уже поступили к дилерам в Москве и Тольятти, сообщает пресс-служба.</p>
            <h3>Новости по теме:</h3>
            <ul>
              <li><span class="date">12.03.2026</span> <a href="/n/1">Lada Granta подорожала</a></li>
              <li><span class="date">10.03.2026</span> <a href="/n/2">Продажи в феврале</a></li>
            </ul>
            """);

        var dates = Extract(html);

        Assert.Equal("2026-03-11T12:30:00+03:00", Format(dates.Published));
        Assert.Equal(DateSource.VisibleText, dates.PublishedSource);
    }

    [Fact]
    public void Extract_OnlyDatesInFooterAndComments_FindsNone()
    {
        var html = Page(body: """
            <h1>Lada</h1>
            <p>Текст без даты.</p>
            <div class="comments"><div class="comment"><span class="date">11.03.2026 18:05</span> Отличная машина!</div></div>
            <footer><p>© 2005–2026 Autonews. Обновлено 12.03.2026</p></footer>
            """);

        var dates = Extract(html);

        Assert.Null(dates.Published);
        Assert.Equal(DateSource.None, dates.PublishedSource);
    }

    [Fact]
    public void Extract_BodyQuotesOlderDate_HeaderDateWins()
    {
        var html = Page(body: """
            <h1>Lada</h1>
            <p>Продажи стартовали 5 февраля 2020 года, когда компания впервые показала модель публике на выставке
            в Москве; с тех пор было продано более ста тысяч машин, а в 2024 году модель обновили.</p>
            <div class="post-info">Опубликовано 11 марта 2026</div>
            """);

        var dates = Extract(html);

        Assert.Equal("2026-03-11T00:00:00+03:00", Format(dates.Published));
    }

    [Fact]
    public void Extract_DateOnlyInsideLongBodyParagraph_IsNotTaken()
    {
        var html = Page(body: """
            <h1>Lada</h1>
            <p>Продажи стартовали, как сообщила компания, после долгой подготовки и испытаний: впервые модель
            показали публике 5 февраля 2020 года на выставке в Москве, и с тех пор было продано более ста тысяч машин.</p>
            """);

        var dates = Extract(html);

        Assert.Null(dates.Published);
    }

    [Fact]
    public void Extract_RelativeDateInHeader_UsesNow()
    {
        var html = Page(body: """<h1>Lada</h1><span class="news-date">сегодня, 09:30</span><p>Текст.</p>""");

        var dates = Extract(html);

        Assert.Equal("2026-03-12T09:30:00+03:00", Format(dates.Published));
    }

    [Fact]
    public void Extract_NoDateOnPage_FallsBackToUrl()
    {
        var html = Page(body: "<h1>Lada</h1><p>Текст.</p>");

        var dates = Extract(html, new Uri("https://www.abreview.example/news/2026/03/11/lada-vesta/"));

        Assert.Equal("2026-03-11T00:00:00+03:00", Format(dates.Published));
        Assert.Equal(DateSource.Url, dates.PublishedSource);
    }

    [Fact]
    public void Extract_UrlWithYearAndMonthOnly_GivesFirstOfMonthLast()
    {
        var withText = Page(body: """<h1>Lada</h1><div class="date">11.03.2026</div>""");
        var without = Page(body: "<h1>Lada</h1>");
        var uri = new Uri("https://blog.example/2026/03/lada-vesta.html");

        Assert.Equal("2026-03-11T00:00:00+03:00", Format(Extract(withText, uri).Published));
        Assert.Equal("2026-03-01T00:00:00+03:00", Format(Extract(without, uri).Published));
    }

    [Fact]
    public void Extract_PublishedAndModifiedMeta_KeepsThemSeparate()
    {
        var html = Page(
            head: """
                <meta property="article:published_time" content="2026-03-10T09:15:00+03:00">
                <meta property="article:modified_time" content="2026-03-11T18:00:00+03:00">
                """,
            body: "<h1>Lada</h1>");

        var dates = Extract(html);

        Assert.Equal("2026-03-10T09:15:00+03:00", Format(dates.Published));
        Assert.Equal(DateSource.Meta, dates.PublishedSource);
        Assert.Equal("2026-03-11T18:00:00+03:00", Format(dates.Modified));
        Assert.Equal(DateSource.Meta, dates.ModifiedSource);
    }

    [Fact]
    public void Extract_UpdatedTimeElement_IsModifiedNotPublished()
    {
        var html = Page(body: """
            <article><h1>Lada</h1>
              <time class="entry-date published" datetime="2026-03-10T09:15:00+03:00">10 марта</time>
              <time class="updated" datetime="2026-03-11T18:00:00+03:00">11 марта</time>
            </article>
            """);

        var dates = Extract(html);

        Assert.Equal("2026-03-10T09:15:00+03:00", Format(dates.Published));
        Assert.Equal("2026-03-11T18:00:00+03:00", Format(dates.Modified));
        Assert.Equal(DateSource.TimeElement, dates.ModifiedSource);
    }

    [Fact]
    public void Extract_MastheadShowsToday_IsNotThePublicationDate()
    {
        var html = Page(body: """
            <header class="site-header"><span class="current-date">Четверг, 12 марта 2026</span><a href="/">Autonews</a></header>
            <main><h1>Lada</h1><div class="article__info">10.03.2026 14:00</div><p>Текст.</p></main>
            """);

        var dates = Extract(html);

        Assert.Equal("2026-03-10T14:00:00+03:00", Format(dates.Published));
    }

    [Fact]
    public void Extract_LabelledDateWithoutClass_ReadsFromLabel()
    {
        var html = Page(body: """
            <h1>Lada</h1>
            <ul><li><strong>Datum</strong> 23.05.2011</li><li><strong>Druck</strong> Seite drucken</li></ul>
            """);

        var dates = Extract(html);

        // Moscow kept summer time until 2011: +04:00 then.
        Assert.Equal("2011-05-23T00:00:00+04:00", Format(dates.Published));
    }

    [Fact]
    public void Extract_DeeplyNestedDocument_Finishes()
    {
        var body = string.Concat(Enumerable.Repeat("<div class=\"date\">", 5000)) + "11.03.2026"
            + string.Concat(Enumerable.Repeat("</div>", 5000));

        var dates = Extract(Page(body: body));

        Assert.Equal(DateSource.VisibleText, dates.PublishedSource);
    }

    [Fact]
    public void Extract_UtcMetaAndSameInstantWithOffsetInPage_KeepsThePagesOffset()
    {
        var html = Page(
            head: """<meta property="article:published_time" content="2026-03-04T03:37:37+00:00">""",
            body: """<h1>Lada</h1><time datetime="2026-03-03T23:37:37-04:00">3 March</time><p>Текст.</p>""");

        var dates = Extract(html);

        Assert.Equal("2026-03-03T23:37:37-04:00", Format(dates.Published));
        Assert.Equal(DateSource.Meta, dates.PublishedSource);
    }

    [Fact]
    public void Extract_DateOnlyInApplicationState_ReadAsScriptData()
    {
        var html = Page(
            head: """<script>window.__STATE__={"article":{"title":"Lada","published_at":"2026-03-02T06:22:28+01:00"}};</script>""",
            body: "<div id=app><h1>Lada</h1><p>Текст без даты.</p></div>");

        var dates = Extract(html);

        Assert.Equal("2026-03-02T06:22:28+01:00", Format(dates.Published));
        Assert.Equal(DateSource.ScriptData, dates.PublishedSource);
    }

    [Fact]
    public void Extract_DayWithoutYearInsideASubtitle_IsNotThePublicationDate()
    {
        var html = Page(body: """
            <h1>Выставка «Комтранс»</h1>
            <h2>Организаторы объявили программу деловой части выставки, которая откроется 3 мая</h2>
            <p class="category">24.02.2026 | Выставки</p>
            <p>Текст.</p>
            """);

        var dates = Extract(html);

        Assert.Equal("2026-02-24", dates.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Extract_NoDateButAStandaloneDateLine_TakesItAsLastResort()
    {
        var html = Page(body: """
            <div class="wrap"><div class="box"><b>Синхронное плавание</b><br><span class="blue">01.02.2026</span></div>
            <p>Федерация объявила состав сборной на чемпионат Европы. В него вошли двенадцать спортсменок.</p></div>
            <footer><p>© 2020–2026</p></footer>
            """);

        var dates = Extract(html);

        Assert.Equal("2026-02-01", dates.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(DateSource.VisibleText, dates.PublishedSource);
    }

    [Fact]
    public void Extract_TitleShownInPlainH2UnderALogoH1_AnchorsTheDateLine()
    {
        var html = Page(body: """
            <h1><a href="/">Блог дилера</a></h1>
            <div class="post"><h2>Итоги марта</h2><small>March 10, 2026 at 08:45 AM | Категория: рынок</small><p>Текст.</p></div>
            """);

        var dates = _extractor.Extract(html, PageUri, Now, SiteTimeZones.Default, "Итоги марта");

        Assert.Equal("2026-03-10", dates.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private ExtractedDates Extract(IDocument document, Uri? uri = null) =>
        _extractor.Extract(document, uri ?? PageUri, Now, SiteTimeZones.Default);

    private static IDocument Page(string body, string head = "") =>
        new HtmlParser().ParseDocument($"<!DOCTYPE html><html><head><title>t</title>{head}</head><body>{body}</body></html>");

    private static string? Format(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
