using Microsoft.Data.Sqlite;
using NewsArchive.Crawling;
using NewsArchive.Parsing;
using NewsArchive.Storage;

namespace NewsArchive.Tests.Storage;

/// <summary>
/// The shapes the benchmarks rely on, checked without timing anything: batches store what single pages store,
/// and the filtered queries are answered from indexes (SQLite's query plan), not by reading every article.
/// </summary>
public sealed class StorePerformanceShapeTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3));
    private readonly TempArchive _single = new();
    private readonly TempArchive _batch = new();

    public void Dispose()
    {
        _single.Dispose();
        _batch.Dispose();
    }

    [Fact]
    public void StoreArticles_Batch_StoresWhatStoreArticleStores()
    {
        using var one = ArchiveStore.Open(_single.Path);
        using var many = ArchiveStore.Open(_batch.Path);
        var siteOne = one.AddSite("s", new Uri("https://s.ru/news/"), [], Now).Id;
        var siteMany = many.AddSite("s", new Uri("https://s.ru/news/"), [], Now).Id;
        var articles = Enumerable.Range(0, 5).Select(i => Article(siteOne, i)).ToList();
        // The same page twice in one batch: the second is a revisit (counters, a version), as with two calls.
        articles.Add(Article(siteOne, 2, title: "Заголовок изменён", views: 99));

        var singleIds = articles.Select(a => one.StoreArticle(a.SiteId, a.UrlKey, a.Page, a.Fetch)).ToList();
        var batchIds = many.StoreArticles(articles.Select(a => a with { SiteId = siteMany }).ToList());

        Assert.Equal(singleIds, batchIds);
        foreach (var table in new[] { "articles", "links", "counters", "fetches", "sources", "article_versions" })
        {
            Assert.Equal(Count(one, $"SELECT count(*) FROM {table}"), Count(many, $"SELECT count(*) FROM {table}"));
        }
        Assert.Equal(
            one.QueryArticles(new ArticleQuery { Text = "изменён" }).Select(a => (a.Id, a.Title, a.Views)),
            many.QueryArticles(new ArticleQuery { Text = "изменён" }).Select(a => (a.Id, a.Title, a.Views)));
        Assert.Single(many.GetLinks(batchIds[1], LinkDirection.Out, ["related"]));
        // The batch writes its full-text rows last; the revisited page's first row is replaced, not left beside the new one.
        Assert.Equal(
            one.QueryArticles(new ArticleQuery { Text = "статья" }).Select(a => a.Id),
            many.QueryArticles(new ArticleQuery { Text = "статья" }).Select(a => a.Id));
        Assert.Equal(Count(one, "SELECT count(*) FROM articles_fts_docsize"), Count(many, "SELECT count(*) FROM articles_fts_docsize"));
        using var check = new SqliteConnection($"Data Source={_batch.Path};Pooling=False");
        check.Open();
        using var integrity = check.CreateCommand();
        integrity.CommandText = "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')";
        integrity.ExecuteNonQuery(); // throws if the index holds rows it should not
    }

    [Fact]
    public void StoreArticles_OneFails_StoresNone()
    {
        using var store = ArchiveStore.Open(_batch.Path);
        var site = store.AddSite("s", new Uri("https://s.ru/news/"), [], Now).Id;
        // Site 999 does not exist: the foreign key fails on the third article.
        var articles = new[] { Article(site, 0), Article(site, 1), Article(999, 2), Article(site, 3) };

        Assert.Throws<SqliteException>(() => store.StoreArticles(articles));

        Assert.Equal(0, Count(store, "SELECT count(*) FROM articles"));
        Assert.Equal(0, Count(store, "SELECT count(*) FROM fetches"));
        Assert.Equal(0, Count(store, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'стать'"));
        store.StoreArticles([Article(site, 0)]);
        Assert.Single(store.QueryArticles(new ArticleQuery { Text = "статья" }));
    }

    [Theory]
    [InlineData("site", "articles_site_day")]
    [InlineData("range", "articles_day")]
    [InlineData("from", "articles_day")]
    [InlineData("newest", "articles_newest")]
    public void QueryArticles_Filters_UseAnIndex(string filter, string index)
    {
        using var store = ArchiveStore.Open(_single.Path);
        var sql = filter switch
        {
            "site" => "SELECT id FROM articles a WHERE a.site_id IN (SELECT id FROM sites WHERE name IN ('s')) AND substr(a.published, 1, 10) >= '2026-03-01' AND substr(a.published, 1, 10) <= '2026-03-31' ORDER BY coalesce(a.published_utc, a.first_stored) DESC, a.id DESC LIMIT 50",
            "range" => "SELECT id FROM articles a WHERE substr(a.published, 1, 10) >= '2026-03-01' AND substr(a.published, 1, 10) <= '2026-03-31' ORDER BY coalesce(a.published_utc, a.first_stored) DESC, a.id DESC LIMIT 50",
            // What AppendFilters writes for --from alone.
            "from" => "SELECT id FROM articles a WHERE substr(a.published, 1, 10) >= '2026-03-01' AND substr(a.published, 1, 10) <= '9999-12-31' ORDER BY coalesce(a.published_utc, a.first_stored) DESC, a.id DESC",
            _ => "SELECT id FROM articles a ORDER BY coalesce(a.published_utc, a.first_stored) DESC, a.id DESC LIMIT 50",
        };
        var plan = string.Join("\n", Rows(store, "EXPLAIN QUERY PLAN " + sql));
        Assert.Contains(index, plan);
        if (filter == "newest")
        {
            Assert.DoesNotContain("TEMP B-TREE", plan);
        }
    }

    [Fact]
    public void QueryArticles_SearchWithLimit_IsTheFullRankingCut()
    {
        using var store = ArchiveStore.Open(_single.Path);
        var site = store.AddSite("s", new Uri("https://s.ru/news/"), [], Now).Id;
        // Many exact ties (same title, same body length) at different dates, and a few better and worse matches.
        var articles = Enumerable.Range(0, 12).Select(i => Article(site, i, title: i % 4 == 0 ? "Рынок автомобилей" : "Рынок шин")).ToList();
        articles.Add(Article(site, 20, title: "Автомобиль автомобили автомобилей"));
        articles.Add(Article(site, 21, title: "Итоги") with { Page = Article(site, 21).Page with { Body = "Коротко: автомобиль." } });
        store.StoreArticles(articles);

        var full = store.QueryArticles(new ArticleQuery { Text = "автомобиль" }).Select(a => a.Id).ToList();
        Assert.Equal(14, full.Count);
        for (var limit = 1; limit <= 15; limit++)
        {
            Assert.Equal(full.Take(limit), store.QueryArticles(new ArticleQuery { Text = "автомобиль", Limit = limit }).Select(a => a.Id));
        }
    }

    [Fact]
    public void QueryArticles_MoreMatchesThanRanked_ListsNewestArchivedFirst()
    {
        using var store = ArchiveStore.Open(_single.Path);
        var site = store.AddSite("s", new Uri("https://s.ru/news/"), [], Now).Id;
        // The best match is stored first, so it is the oldest by id; every article matches.
        var articles = new List<ArticleToStore> { Article(site, 0, title: "Автомобиль автомобили автомобилей") };
        articles.AddRange(Enumerable.Range(1, 9).Select(i => Article(site, i, title: i % 3 == 0 ? "Рынок автомобилей" : "Рынок шин")));
        var ids = store.StoreArticles(articles);

        var common = new ArticleQuery { Text = "автомобиль", Limit = 3, RankedMatches = 9 };
        Assert.True(store.ListsNewestInsteadOfRanking(common));
        Assert.Equal(ids.Reverse().Take(3), store.QueryArticles(common).Select(a => a.Id));
        Assert.All(store.QueryArticles(common), a => Assert.NotNull(a.Snippet));

        // Up to the threshold, with a filter or without a limit, every match is ranked: the best match comes first.
        foreach (var ranked in new[] { common with { RankedMatches = 10 }, common with { Sites = ["s"] }, common with { Limit = null } })
        {
            Assert.False(store.ListsNewestInsteadOfRanking(ranked));
            Assert.Equal(ids[0], store.QueryArticles(ranked).First().Id);
        }
    }

    private static ArticleToStore Article(long siteId, int n, string? title = null, int views = 10)
    {
        var url = new Uri($"https://s.ru/news/{n}/");
        var page = new ParsedPage
        {
            Url = url,
            Kind = PageKind.Article,
            Title = title ?? $"Статья {n}",
            Body = $"Текст статьи номер {n} о рынке автомобилей.",
            Published = Now.AddDays(-n),
            PublishedSource = DateSource.Meta,
            Views = views,
            Authors = ["Иван Петров"],
            Links = [new PageLink(new Uri($"https://s.ru/news/{n + 1}/"), LinkKind.Related, "Далее", null, "Новости по теме")],
        };
        var fetch = new FetchRecord(siteId, url, url, Now.AddMinutes(n), 200, "ok", null, "text/html",
            System.Text.Encoding.UTF8.GetBytes($"<html>{n}{title}</html>"), null, null);
        return new ArticleToStore(siteId, UrlNormalizer.NormalizeString(url), page, fetch);
    }

    private static long Count(ArchiveStore store, string sql) => Convert.ToInt64(Rows(store, sql).Single(), System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Rows(ArchiveStore store, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={store.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(reader.FieldCount - 1), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }
        return rows;
    }
}
