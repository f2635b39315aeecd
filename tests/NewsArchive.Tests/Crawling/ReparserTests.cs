using Microsoft.Data.Sqlite;
using NewsArchive.Crawling;
using NewsArchive.Storage;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Crawling;

/// <summary>
/// An archive fetched from the loopback test site, then damaged the way an older parser would have stored it (wrong
/// title, body, date, missing links), is repaired by a reparse of its own source bytes, and nothing else is written.
/// </summary>
public sealed class ReparserTests : IAsyncLifetime
{
    private FetchedArchive _fetched = null!;

    private string ArchivePath => _fetched.Path;

    private NewsTestSite Site => _fetched.Site;

    public async Task InitializeAsync()
    {
        _fetched = await FetchedArchive.StartAsync();
        await _fetched.FetchAsync();
    }

    public async Task DisposeAsync() => await _fetched.DisposeAsync();

    [Fact]
    public void Run_ArticlesStoredByAnOlderParser_AreRepairedWithoutNewFetchesCountersOrVersions()
    {
        var (textArticle, textId) = Stored(TestSiteCatalog.Articles[0]);
        var (linkArticle, linkId) = Stored(TestSiteCatalog.Articles.Skip(1).First(a => a.RelatedPaths.Count >= 2));
        var linkKey = ArchiveProbe.Scalar(ArchivePath, "SELECT url_key FROM articles WHERE id = $id", ("$id", linkId))!;
        Damage("""
            UPDATE articles SET title = 'Устаревший заголовок', body = 'Меню Вход на сайт Рассылка ' || body WHERE id = $text;
            UPDATE articles SET published = '2019-01-01T00:00:00+03:00', published_utc = '2018-12-31T21:00:00+00:00' WHERE id = $link;
            DELETE FROM links WHERE from_key = $linkKey AND kind = 'related';
            """, ("$text", textId), ("$link", linkId), ("$linkKey", linkKey));
        var before = CountWrites();
        Assert.Single(SearchTitles("устаревший"));

        ReparseReport report;
        using (var store = ArchiveStore.Open(ArchivePath))
        {
            report = new Reparser(store, new ReparseOptions()).Run(new ArticleQuery(), CancellationToken.None);
        }

        Assert.Equal(TestSiteCatalog.Articles.Count, report.Articles);
        Assert.Equal((2, 1, 1, 1, 1, 0), (report.Changed, report.TitlesChanged, report.BodiesChanged, report.DatesChanged, report.LinksChanged, report.AuthorsChanged));
        Assert.Equal(TestSiteCatalog.Articles.Count - 2, report.Unchanged);
        Assert.Equal((0, 0, false), (report.Failed, report.WithoutSource, report.Cancelled));

        using (var store = ArchiveStore.Open(ArchivePath, readOnly: true))
        {
            var repaired = store.FindArticle(textId.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
            Assert.Equal(textArticle.Title, repaired.Title);
            Assert.DoesNotContain("Вход на сайт", repaired.Body);
            Assert.Contains(textArticle.BodyParagraphs[0], repaired.Body);
            var dated = store.FindArticle(linkId.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
            Assert.Equal(linkArticle.Published.Date, dated.Published!.Value.Date);
            Assert.Equal(linkArticle.RelatedPaths.Count, store.GetLinks(linkId, LinkDirection.Out, ["related"]).Count);
        }
        // The search index follows the text: the old title is gone from it, the real one is found.
        Assert.Empty(SearchTitles("устаревший"));
        Assert.Contains(textArticle.Title, SearchTitles($"\"{textArticle.Title}\""));
        Assert.Equal(before, CountWrites());
    }

    [Fact]
    public void Run_Twice_SecondRunChangesNothing()
    {
        var (_, id) = Stored(TestSiteCatalog.Articles[0]);
        Damage("UPDATE articles SET title = 'Устаревший заголовок' WHERE id = $id", ("$id", id));
        using var store = ArchiveStore.Open(ArchivePath);
        Assert.Equal(1, new Reparser(store, new ReparseOptions()).Run(new ArticleQuery(), CancellationToken.None).Changed);
        var again = new Reparser(store, new ReparseOptions()).Run(new ArticleQuery(), CancellationToken.None);
        Assert.Equal((0, TestSiteCatalog.Articles.Count), (again.Changed, again.Unchanged));
    }

    [Fact]
    public void Run_DryRunAndStop_WriteNothingOrOnlyWhatWasFinished()
    {
        var (_, id) = Stored(TestSiteCatalog.Articles[0]);
        Damage("UPDATE articles SET title = 'Устаревший заголовок' WHERE id = $id", ("$id", id));
        using var store = ArchiveStore.Open(ArchivePath);

        var dry = new Reparser(store, new ReparseOptions { DryRun = true }).Run(new ArticleQuery(), CancellationToken.None);
        Assert.Equal((1, 1), (dry.Changed, dry.TitlesChanged));
        Assert.Equal("Устаревший заголовок", store.FindArticle(id.ToString(System.Globalization.CultureInfo.InvariantCulture))!.Title);

        var stopped = new Reparser(store, new ReparseOptions()).Run(new ArticleQuery(), new CancellationToken(canceled: true));
        Assert.True(stopped.Cancelled);
        Assert.Equal(0, stopped.Articles);
        Assert.Equal("Устаревший заголовок", store.FindArticle(id.ToString(System.Globalization.CultureInfo.InvariantCulture))!.Title);
    }

    [Fact]
    public void Run_DamagedSourceBytesAndFilters_FailsThatArticleAndReadsOnlyTheSelection()
    {
        var (_, id) = Stored(TestSiteCatalog.Articles[0]);
        Damage("""
            UPDATE sources SET compressed = x'00010203' WHERE hash = (SELECT source_hash FROM articles WHERE id = $id);
            """, ("$id", id));
        using var store = ArchiveStore.Open(ArchivePath);
        var report = new Reparser(store, new ReparseOptions { BatchSize = 3 }).Run(new ArticleQuery { Sites = ["abreview"] }, CancellationToken.None);
        Assert.Equal(TestSiteCatalog.Articles.Count, report.Articles);
        Assert.Equal(id, Assert.Single(report.Failures).ArticleId);

        var day = TestSiteCatalog.Articles[0].Published;
        var oneDay = new Reparser(store, new ReparseOptions()).Run(
            new ArticleQuery { From = DateOnly.FromDateTime(day.DateTime), To = DateOnly.FromDateTime(day.DateTime) }, CancellationToken.None);
        Assert.Equal(TestSiteCatalog.Articles.Count(a => a.Published.Date == day.Date), oneDay.Articles);
    }

    [Fact]
    public void Run_PageWhoseCharsetIsOnlyInTheHeader_DecodesAsFetched()
    {
        // The crawler keeps the Content-Type header with its charset beside the bytes...
        Assert.True(ArchiveProbe.Count(ArchivePath, "SELECT count(*) FROM sources WHERE content_type LIKE 'text/html; charset=%'") > 0);

        // ...so a windows-1251 page that declares it only there reads the same on a reparse.
        var windows1251 = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1251)!;
        var paragraph = "<p>Продажи новых автомобилей в Татарстане в феврале выросли на семь процентов, сообщили дилеры региона.</p>";
        var html = $"<html><head><title>Рынок Татарстана вырос</title></head><body><article><h1>Рынок Татарстана вырос</h1>{string.Concat(Enumerable.Repeat(paragraph, 4))}</article></body></html>";
        var url = Site.UriFor("/ab/news/rynok/tatarstan/");
        long id;
        using (var store = ArchiveStore.Open(ArchivePath))
        {
            var page = new NewsArchive.Parsing.ArticleParser().Parse(html, url, new NewsArchive.Parsing.ParseContext(TestSiteCatalog.ReferenceNow, NewsArchive.Parsing.SiteTimeZones.Default));
            var site = store.FindSite("abreview")!;
            id = store.StoreArticle(site.Id, UrlNormalizer.NormalizeString(url), page, new FetchRecord(site.Id, url, url, TestSiteCatalog.ReferenceNow, 200, "ok", null,
                "text/html; charset=windows-1251", windows1251.GetBytes(html), null, null));
        }
        Damage("UPDATE articles SET title = 'Устаревший заголовок' WHERE id = $id", ("$id", id));
        using (var store = ArchiveStore.Open(ArchivePath))
        {
            var report = new Reparser(store, new ReparseOptions()).Run(new ArticleQuery(), CancellationToken.None);
            Assert.Equal((1, 1), (report.Changed, report.TitlesChanged));
            var article = store.FindArticle(id.ToString(System.Globalization.CultureInfo.InvariantCulture))!;
            Assert.Equal("Рынок Татарстана вырос", article.Title);
            Assert.Contains("в Татарстане", article.Body);
        }
    }

    private (TestArticle Article, long Id) Stored(TestArticle article)
    {
        using var store = ArchiveStore.Open(ArchivePath, readOnly: true);
        return (article, store.FindArticle(Site.UriFor(article.Path).AbsoluteUri)!.Id);
    }

    private List<string?> SearchTitles(string query)
    {
        using var store = ArchiveStore.Open(ArchivePath, readOnly: true);
        return store.QueryArticles(new ArticleQuery { Text = query }).Select(a => a.Title).ToList();
    }

    private Dictionary<string, long> CountWrites() => new[] { "fetches", "counters", "article_versions", "sources", "articles", "runs" }
        .ToDictionary(t => t, t => ArchiveProbe.Count(ArchivePath, $"SELECT count(*) FROM {t}"));

    /// <summary>Writes with plain SQL, as an older version would have stored it; the triggers' functions are registered as the store does.</summary>
    private void Damage(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={ArchivePath};Pooling=False");
        connection.Open();
        ArchiveFunctions.Register(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }
}
