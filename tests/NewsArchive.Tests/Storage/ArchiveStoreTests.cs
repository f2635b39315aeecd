using Microsoft.Data.Sqlite;
using NewsArchive.Crawling;
using NewsArchive.Parsing;
using NewsArchive.Storage;

namespace NewsArchive.Tests.Storage;

public sealed class ArchiveStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3));
    private readonly TempArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void StoreArticle_SameUrlTwice_KeepsOneRowAndLatestCounters()
    {
        using var store = ArchiveStore.Open(_archive.Path);
        var site = store.AddSite("abreview.ru", new Uri("https://abreview.ru/ab/news/"), [], Now);
        var url = new Uri("https://abreview.ru/ab/news/a/");
        var key = UrlNormalizer.NormalizeString(url);

        store.StoreArticle(site.Id, key, Page(url, "Продажи электромобилей выросли", views: 10), Fetch(site.Id, url, "one"));
        store.StoreArticle(site.Id, key, Page(url, "Продажи электромобилей выросли", views: 25), Fetch(site.Id, url, "two"));

        var all = store.QueryArticles(new ArticleQuery()).ToList();
        var article = Assert.Single(all);
        Assert.Equal(25, article.Views);
        Assert.Equal(2, Count(store, "SELECT count(*) FROM counters"));
        Assert.Equal(2, Count(store, "SELECT count(*) FROM sources"));
    }

    [Fact]
    public void StoreArticle_RefetchWithEmptyBody_KeepsStoredText()
    {
        using var store = ArchiveStore.Open(_archive.Path);
        var site = store.AddSite("s", new Uri("https://s.ru/news/"), [], Now);
        var url = new Uri("https://s.ru/news/a/");
        var key = UrlNormalizer.NormalizeString(url);
        store.StoreArticle(site.Id, key, Page(url, "Дилеры Haval", body: "Полный текст статьи."), Fetch(site.Id, url, "one"));
        store.StoreArticle(site.Id, key, Page(url, "Дилеры Haval", views: 7, body: ""), Fetch(site.Id, url, "two"));

        var article = Assert.Single(store.QueryArticles(new ArticleQuery { IncludeBody = true }));
        Assert.Equal("Полный текст статьи.", article.Body);
        Assert.Equal(7, article.Views);
        Assert.Single(store.GetVersions(article.Id));
    }

    [Fact]
    public void StoreArticle_SameBytesTwice_KeepsSourceOnce()
    {
        using var store = ArchiveStore.Open(_archive.Path);
        var site = store.AddSite("s", new Uri("https://s.ru/news/"), [], Now);
        var a = new Uri("https://s.ru/news/a/");
        var b = new Uri("https://s.ru/news/b/");
        store.StoreArticle(site.Id, UrlNormalizer.NormalizeString(a), Page(a, "A"), Fetch(site.Id, a, "same"));
        store.StoreArticle(site.Id, UrlNormalizer.NormalizeString(b), Page(b, "B"), Fetch(site.Id, b, "same"));

        Assert.Equal(1, Count(store, "SELECT count(*) FROM sources"));
        var hash = SourceCompression.Hash("<html>same</html>"u8);
        Assert.Equal("<html>same</html>", System.Text.Encoding.UTF8.GetString(store.ReadSource(hash)!));
    }

    [Fact]
    public void QueryArticles_FullText_FindsWordAndFilters()
    {
        using var store = ArchiveStore.Open(_archive.Path);
        var site = store.AddSite("s", new Uri("https://s.ru/news/"), [], Now);
        var a = new Uri("https://s.ru/news/a/");
        var b = new Uri("https://s.ru/news/b/");
        store.StoreArticle(site.Id, UrlNormalizer.NormalizeString(a), Page(a, "Дилеры Haval", body: "Дилерский центр открылся в Казани.", published: Now.AddDays(-3)), Fetch(site.Id, a, "a"));
        store.StoreArticle(site.Id, UrlNormalizer.NormalizeString(b), Page(b, "Лизинг", body: "Рынок лизинга вырос.", published: Now), Fetch(site.Id, b, "b"));

        Assert.Equal("Дилеры Haval", Assert.Single(store.QueryArticles(new ArticleQuery { Text = "центр" })).Title);
        Assert.Equal("Лизинг", Assert.Single(store.QueryArticles(new ArticleQuery { From = DateOnly.FromDateTime(Now.Date) })).Title);
        Assert.Equal(2, store.QueryArticles(new ArticleQuery { Sites = ["S"] }).Count());
        Assert.True(Assert.Throws<ArchiveException>(() => store.QueryArticles(new ArticleQuery { Sites = ["other"] })).IsUserError);
    }

    [Fact]
    public void QueryArticles_MalformedFts_ThrowsUserError()
    {
        using var store = ArchiveStore.Open(_archive.Path);
        var ex = Assert.Throws<ArchiveException>(() => store.QueryArticles(new ArticleQuery { Text = "\"unbalanced" }).ToList());
        Assert.True(ex.IsUserError);
        Assert.StartsWith("invalid search query", ex.Message);
    }

    [Fact]
    public void FindArticle_UrlAsUserTypesIt_IsFound()
    {
        using var store = ArchiveStore.Open(_archive.Path);
        var site = store.AddSite("s", new Uri("https://s.ru/news/"), [], Now);
        var url = new Uri("https://s.ru/news/a/");
        var id = store.StoreArticle(site.Id, UrlNormalizer.NormalizeString(url), Page(url, "A"), Fetch(site.Id, url, "a"));

        Assert.Equal(id, store.FindArticle(id.ToString(System.Globalization.CultureInfo.InvariantCulture))!.Id);
        Assert.Equal(id, store.FindArticle("https://s.ru/news/a")!.Id);
        Assert.Equal(id, store.FindArticle("https://www.s.ru/news/a/?utm_source=tg#x")!.Id);
        Assert.Equal(id, store.FindArticle("s.ru/news/a/")!.Id);
        Assert.Null(store.FindArticle("https://s.ru/news/zzz/"));
    }

    [Fact]
    public void GetLinks_BothDirections_ResolveStoredArticles()
    {
        using var store = ArchiveStore.Open(_archive.Path);
        var site = store.AddSite("s", new Uri("https://s.ru/news/"), [], Now);
        var a = new Uri("https://s.ru/news/a/");
        var b = new Uri("https://s.ru/news/b/");
        var pageA = Page(a, "A") with { Links = [new PageLink(b, LinkKind.Related, "Статья Б", Now, "Новости по теме")] };
        var idA = store.StoreArticle(site.Id, UrlNormalizer.NormalizeString(a), pageA, Fetch(site.Id, a, "a"));
        var idB = store.StoreArticle(site.Id, UrlNormalizer.NormalizeString(b), Page(b, "B"), Fetch(site.Id, b, "b"));

        var outgoing = Assert.Single(store.GetLinks(idA, LinkDirection.Out, []));
        Assert.Equal(idB, outgoing.ArticleId);
        Assert.Equal("related", outgoing.Kind);
        var incoming = Assert.Single(store.GetLinks(idB, LinkDirection.In, ["related"]));
        Assert.Equal(idA, incoming.ArticleId);
        Assert.Empty(store.GetLinks(idB, LinkDirection.In, ["sidebar"]));
    }

    [Fact]
    public void Enqueue_KnownArticle_IsNotQueuedAgain()
    {
        using var store = ArchiveStore.Open(_archive.Path);
        var site = store.AddSite("s", new Uri("https://s.ru/news/"), [], Now);
        var a = new Uri("https://s.ru/news/a/");
        var key = UrlNormalizer.NormalizeString(a);
        Assert.Equal(1, store.Enqueue([new FrontierEntry(key, a, site.Id, "listing", null)], Now));
        Assert.Equal(0, store.Enqueue([new FrontierEntry(key, a, site.Id, "feed", Now)], Now));
        store.StoreArticle(site.Id, key, Page(a, "A"), Fetch(site.Id, a, "a"));
        Assert.Equal(0, store.PendingCount());
        Assert.Equal(0, store.Enqueue([new FrontierEntry(key, a, site.Id, "related", null)], Now));
    }

    [Fact]
    public void Open_TextFile_IsRefusedAndUnchanged()
    {
        File.WriteAllText(_archive.Path, "hello, not a database");
        var ex = Assert.Throws<ArchiveException>(() => ArchiveStore.Open(_archive.Path));
        Assert.True(ex.IsUserError);
        Assert.Equal("hello, not a database", File.ReadAllText(_archive.Path));
    }

    [Fact]
    public void Open_NewerSchema_IsRefused()
    {
        using (var connection = new SqliteConnection($"Data Source={_archive.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE x(a); PRAGMA user_version = 999;";
            command.ExecuteNonQuery();
        }
        var ex = Assert.Throws<ArchiveException>(() => ArchiveStore.Open(_archive.Path));
        Assert.Contains("newer", ex.Message);
    }

    [Fact]
    public void RemoveSite_KeepsArticles()
    {
        using var store = ArchiveStore.Open(_archive.Path);
        var site = store.AddSite("s", new Uri("https://s.ru/news/"), [], Now);
        var a = new Uri("https://s.ru/news/a/");
        store.StoreArticle(site.Id, UrlNormalizer.NormalizeString(a), Page(a, "A"), Fetch(site.Id, a, "a"));
        Assert.True(store.RemoveSite("s"));
        Assert.Single(store.QueryArticles(new ArticleQuery()));
        Assert.Empty(store.ListSites());
    }

    private static ParsedPage Page(Uri url, string title, int? views = null, string body = "Текст статьи.", DateTimeOffset? published = null) => new()
    {
        Url = url,
        Kind = PageKind.Article,
        Title = title,
        Body = body,
        Published = published ?? Now,
        PublishedSource = DateSource.Meta,
        Views = views,
    };

    private static FetchRecord Fetch(long siteId, Uri url, string content) =>
        new(siteId, url, url, Now, 200, "ok", null, "text/html", System.Text.Encoding.UTF8.GetBytes($"<html>{content}</html>"), null, null);

    private static long Count(ArchiveStore store, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={store.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
