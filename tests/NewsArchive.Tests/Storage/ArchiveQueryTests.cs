using NewsArchive.Storage;

namespace NewsArchive.Tests.Storage;

/// <summary>Search, filters, versions, duplicates and the graph over a small archive built article by article.</summary>
public sealed class ArchiveQueryTests : IDisposable
{
    private static readonly DateTimeOffset Now = FixtureArchive.Now;
    private readonly TempArchive _archive = new();
    private readonly ArchiveStore _store;
    private readonly FixtureArchive _fixture;

    public ArchiveQueryTests()
    {
        _store = ArchiveStore.Open(_archive.Path);
        _fixture = new FixtureArchive(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _archive.Dispose();
    }

    private List<string?> Titles(ArticleQuery query) => _store.QueryArticles(query).Select(a => a.Title).ToList();

    [Fact]
    public void Search_RussianWordForms_FindEachOther()
    {
        _fixture.Add("a", "1", "Продажи электромобилей выросли", "Рынок растёт.", Now.AddDays(-3));
        _fixture.Add("a", "2", "Новые электромобили в Москве", "Текст.", Now.AddDays(-2));
        _fixture.Add("a", "3", "Рынок", "Покупатели интересуются электромобилем.", Now.AddDays(-1));
        _fixture.Add("a", "4", "Дилерам разрешили", "Число дилеров сократилось.", Now);

        Assert.Equal(3, Titles(new ArticleQuery { Text = "электромобиль" }).Count);
        Assert.Equal(3, Titles(new ArticleQuery { Text = "Электромобили" }).Count);
        Assert.Equal(["Дилерам разрешили"], Titles(new ArticleQuery { Text = "дилер" }));
        Assert.Equal(["Продажи электромобилей выросли"], Titles(new ArticleQuery { Text = "электромобиль NOT (новые OR покупатели)" }));
        Assert.Equal(["Продажи электромобилей выросли"], Titles(new ArticleQuery { Text = "\"продажа электромобиля\"" }));
        Assert.Equal(3, Titles(new ArticleQuery { Text = "электромоб*" }).Count);
    }

    [Fact]
    public void Search_Ranking_TitleBeforeBodyThenNewest()
    {
        _fixture.Add("a", "old-title", "Лизинг грузовиков", "Текст.", Now.AddDays(-5));
        _fixture.Add("a", "body", "Итоги недели", "Лизинг вырос.", Now);
        _fixture.Add("a", "new-title", "Лизинг легковых", "Текст.", Now.AddDays(-1));

        Assert.Equal(["Лизинг легковых", "Лизинг грузовиков", "Итоги недели"], Titles(new ArticleQuery { Text = "лизинг" }));
        Assert.Equal(["Итоги недели", "Лизинг легковых", "Лизинг грузовиков"], Titles(new ArticleQuery { Text = "лизинг", Sort = ArticleSort.Date }));
    }

    [Fact]
    public void Search_Snippet_QuotesOriginalBodyAndOmitsBodyUnlessAsked()
    {
        _fixture.Add("a", "1", "Рынок", "В марте продажи\nэлектромобилей выросли вдвое.");
        var found = Assert.Single(_store.QueryArticles(new ArticleQuery { Text = "электромобиль" }));
        Assert.Equal("В марте продажи [электромобилей] выросли вдвое.", found.Snippet);
        Assert.Null(found.Body);
    }

    [Fact]
    public void QueryArticles_Filters_AuthorTagMinViewsAndSortByViews()
    {
        _fixture.Add("a", "1", "Первая", "Текст.", views: 10, authors: ["Анна Смирнова"], links: [FixtureArchive.Tag("a", "Электромобили")]);
        _fixture.Add("a", "2", "Вторая", "Текст.", views: 500, authors: ["Иван Петров"], links: [FixtureArchive.Tag("a", "Лизинг")]);
        _fixture.Add("b", "3", "Третья", "Текст.", views: null);

        Assert.Equal(["Первая"], Titles(new ArticleQuery { Author = "СМИРНОВА" }));
        Assert.Equal(["Первая"], Titles(new ArticleQuery { Tags = ["электромобили"] }));
        Assert.Equal(["Вторая", "Первая"], Titles(new ArticleQuery { Tags = ["лизинг", "Электромобили"], Sort = ArticleSort.Views }));
        Assert.Equal(["Вторая"], Titles(new ArticleQuery { MinViews = 100 }));
        Assert.Equal(["Вторая", "Первая", "Третья"], Titles(new ArticleQuery { Sort = ArticleSort.Views }));
        Assert.Throws<ArchiveException>(() => Titles(new ArticleQuery { Sort = ArticleSort.Relevance }));
    }

    [Fact]
    public void QueryArticles_TagFilter_MatchesThePagesTagListAsParsed()
    {
        var url = new Uri("https://a.ru/news/mercedes-import/");
        var paragraph = "<p>Официальные дилеры Mercedes-Benz возобновили поставки автомобилей через параллельный импорт, сообщили в компании.</p>";
        var html = $"""
            <html><head><title>Mercedes возвращается</title></head><body><article><h1>Mercedes возвращается</h1>
            {string.Concat(Enumerable.Repeat(paragraph, 4))}
            <div class="post__tags"><a href="/tag/mercedes/">Mercedes-Benz</a> <a href="/tag/import/">Импорт</a></div>
            </article></body></html>
            """;
        var page = new NewsArchive.Parsing.ArticleParser().Parse(html, url, new NewsArchive.Parsing.ParseContext(Now, NewsArchive.Parsing.SiteTimeZones.Default));
        var site = _store.AddSite("a", new Uri("https://a.ru/news/"), [], Now);
        _store.StoreArticle(site.Id, NewsArchive.Crawling.UrlNormalizer.NormalizeString(url), page,
            new FetchRecord(site.Id, url, url, Now, 200, "ok", null, "text/html; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(html), null, null));

        Assert.Equal(["Mercedes возвращается"], Titles(new ArticleQuery { Tags = ["импорт"] }));
        Assert.Empty(Titles(new ArticleQuery { Tags = ["дилеры"] }));
    }

    [Fact]
    public void StoreArticle_EditedText_KeepsOldVersionsAndSearchFindsOnlyCurrent()
    {
        var id = _fixture.Add("a", "1", "Продажи выросли", "Продажи выросли на 5%.", views: 100, fetchedAt: Now);
        _fixture.Add("a", "1", "Продажи выросли", "Продажи выросли на 5%.", views: 150, fetchedAt: Now.AddHours(6));
        _fixture.Add("a", "1", "Продажи выросли на 7%", "Продажи выросли на 7% по уточнённым данным.", views: 300, fetchedAt: Now.AddDays(1));

        var versions = _store.GetVersions(id);
        Assert.Equal(2, versions.Count);
        Assert.Equal("Продажи выросли на 5%.", versions[0].Body);
        Assert.Equal(Now, versions[0].SeenFrom);
        Assert.Equal(Now.AddDays(1), versions[0].SeenUntil);
        Assert.Equal(Now.AddDays(1), versions[1].SeenFrom);
        Assert.Null(versions[1].SeenUntil);
        Assert.Single(Titles(new ArticleQuery { Text = "уточнённый" }));

        var counters = CounterSummary.From(_store.GetCounterReadings(id))!;
        Assert.Equal(3, counters.Readings);
        Assert.Equal(300, counters.Views);
        Assert.Equal(200, counters.ViewsGrowth);
    }

    [Fact]
    public void FindDuplicates_CopyRepostAndUnrelated_SameTextIsExactRepostIsNear()
    {
        var original = _fixture.Add("a", "haval", "Haval запускает производство", FixtureArchive.PressRelease("Подробности на сайте компании."));
        var repost = _fixture.Add("b", "repost", "Haval локализует кроссовер", FixtureArchive.PressRelease("Об этом сообщает пресс-служба."));
        // The same words under another URL, spaced and cased differently: still the same text.
        var copy = _fixture.Add("c", "copy", "Haval запускает производство", FixtureArchive.PressRelease("ПОДРОБНОСТИ  на сайте компании!").Replace(". ", ".\n", StringComparison.Ordinal));
        _fixture.Add("d", "other", "Лизинг", string.Join(' ', Enumerable.Repeat("Рынок лизинга грузовиков в феврале сократился на треть из-за высокой ключевой ставки.", 4)));

        var duplicates = _store.FindDuplicates(original);
        Assert.Equal([(copy, DuplicateMatch.SameText), (repost, DuplicateMatch.NearText)], duplicates.Select(d => (d.Article.Id, d.Match)));
        Assert.Equal(0, duplicates[0].Distance);
        Assert.InRange(duplicates[1].Distance!.Value, 1, SimHash.NearDistance);
        Assert.Equal([(original, DuplicateMatch.SameText), (repost, DuplicateMatch.NearText)], _store.FindDuplicates(copy).Select(d => (d.Article.Id, d.Match)));
    }

    [Fact]
    public void FindDuplicates_ShortBodiesAlike_AreNotDuplicates()
    {
        var first = _fixture.Add("a", "1", "Первая", "Текст.");
        _fixture.Add("b", "2", "Вторая", "Текст.");
        Assert.Empty(_store.FindDuplicates(first));
    }

    [Fact]
    public void FindDuplicates_CanonicalLinkToAnotherSite_GroupsCopiesWithTheOriginal()
    {
        var original = _fixture.Add("a", "original", "Оригинал", "Короткий текст оригинала.");
        var site = _store.AddSite("b", new Uri("https://b.ru/news/"), [], Now);
        var syndicated = new[] { "copy-1", "copy-2" }.Select(path =>
        {
            var url = FixtureArchive.Url("b", path);
            var page = new NewsArchive.Parsing.ParsedPage
            {
                Url = url, CanonicalUrl = FixtureArchive.Url("a", "original"), Kind = NewsArchive.Parsing.PageKind.Article,
                Title = "Копия", Body = "Другой короткий текст " + path, Published = Now.AddDays(1),
            };
            return _store.StoreArticle(site.Id, NewsArchive.Crawling.UrlNormalizer.NormalizeString(url), page,
                new FetchRecord(site.Id, url, url, Now, 200, "ok", null, "text/html", null, null, null));
        }).ToList();

        Assert.Equal(syndicated.Select(id => (id, DuplicateMatch.CanonicalUrl)), _store.FindDuplicates(original).Select(d => (d.Article.Id, d.Match)));
        Assert.Equal([(original, DuplicateMatch.CanonicalUrl), (syndicated[1], DuplicateMatch.CanonicalUrl)],
            _store.FindDuplicates(syndicated[0]).Select(d => (d.Article.Id, d.Match)));
    }

    [Fact]
    public void GetStory_RelatedLinksBothWays_GivesThreadOldestFirst()
    {
        var first = _fixture.Add("a", "1", "Первая", "Текст.", Now.AddDays(-3));
        var second = _fixture.Add("a", "2", "Вторая", "Текст.", Now.AddDays(-2), links: [FixtureArchive.Related("a", "1", "Первая")]);
        var third = _fixture.Add("a", "3", "Третья", "Текст.", Now.AddDays(-1), links: [FixtureArchive.Related("a", "2", "Вторая")]);
        _fixture.Add("a", "4", "Чужая", "Текст.", Now, links: [new NewsArchive.Parsing.PageLink(FixtureArchive.Url("a", "1"), NewsArchive.Parsing.LinkKind.Sidebar, "Первая", null, null)]);

        Assert.Equal([first, second, third], _store.GetStory(third).Select(a => a.Id));
        Assert.Equal([first, second, third], _store.GetStory(first).Select(a => a.Id));
        var walk = _store.WalkLinks(third, LinkDirection.Out, ["related"], 3);
        Assert.Equal([(1, second), (2, first)], walk.Select(s => (s.Depth, s.Link.ArticleId!.Value)));
    }

    [Fact]
    public void GetStats_CountsPerSiteAndDay()
    {
        _fixture.Add("a", "1", "Один", new string('т', 300), Now.AddDays(-2), views: 5);
        _fixture.Add("a", "2", "Два", "Коротко.", Now);
        _fixture.Add("b", "3", "Три", new string('т', 300), Now);

        var stats = _store.GetStats(new ArticleQuery());
        Assert.Equal(3, stats.Articles);
        var a = stats.Sites.Single(s => s.Site == "a");
        Assert.Equal((2, 1, 2, 1), (a.Articles, a.WithBody, a.WithDate, a.WithCounters));
        Assert.Equal([(new DateOnly(2026, 3, 10), 1), (new DateOnly(2026, 3, 12), 2)], stats.Days.Select(d => (d.Day, d.Articles)));
        Assert.Equal(1, stats.DaysWithoutArticles);
    }
}
