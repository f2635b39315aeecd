using System.Text;
using NewsArchive.Crawling;
using NewsArchive.Fetching;
using NewsArchive.Storage;
using NewsArchive.Tests.Fetching;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// One crawl of the loopback test site with hostile answers mounted on some of its article paths, its robots.txt,
/// feed and sitemap: each hostile page ends failed or skipped with its reason, and every other article is stored.
/// The fetcher runs with the product's 10 MB body cap; no assertion is on elapsed time.
/// </summary>
public sealed class HostileNetworkTests : IAsyncLifetime
{
    // Five seconds leave a loaded machine ample time to read 10 MB; no retries, so the slowloris costs one timeout.
    private static readonly FetchOptions Options = new()
    {
        DelayPerHost = TimeSpan.Zero,
        Timeout = TimeSpan.FromSeconds(5),
        MaxRetries = 0,
        AcceptedMediaTypes = FetchOptions.CrawlableMediaTypes,
    };

    private const string TenThousandItemsPath = "/rss/ten-thousand/";

    private readonly TempArchive _archive = new();
    private readonly SettableClock _clock = new(TestSiteCatalog.ReferenceNow);
    private readonly HostileResponses _hostile = new();
    private readonly List<string> _log = [];
    private NewsTestSite _site = null!;
    private int _nextId = 300500;

    public async Task InitializeAsync() => _site = await NewsTestSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _archive.Dispose();
    }

    [Fact]
    public async Task RunAsync_HostileAnswers_EachFailedOrSkippedWithItsReasonAndTheRestStored()
    {
        var slowloris = Mount("slowloris", _hostile.Slowloris("slowloris"));
        var endless = Mount("endless", _hostile.EndlessChunked("endless"));
        var bomb = Mount("bomb", _hostile.GzipBomb("bomb"));
        var huge = Mount("huge", _hostile.HugePage("huge", 100L * 1024 * 1024));
        var nested = Mount("nested", HostileResponses.Nested(100_000));
        var toFile = Mount("to-file", HostileResponses.RedirectTo("file:///etc/passwd"));
        var toFtp = Mount("to-ftp", HostileResponses.RedirectTo("ftp://abreview.ru/pub/"));
        var toData = Mount("to-data", HostileResponses.RedirectTo("data:text/html,<h1>hi</h1>"));
        var toLong = Mount("to-long", HostileResponses.RedirectTo("/ab/news/" + new string('a', 10_000) + "/"));
        var nul = Mount("nul", null);
        _site.Override(nul.Path, context => HostileResponses.Bytes(WithNulAndBrokenUtf8(_site.ArticlePageBytes(nul.Path)), "text/html; charset=utf-8")(context));
        var mislabelled = Mount("mislabelled", null);
        _site.Override(mislabelled.Path, context => HostileResponses.Bytes(_site.ArticlePageBytes(mislabelled.Path), "text/html; charset=windows-1251")(context));
        // Not text at all where robots.txt should be; the feed and the sitemap try entity expansion and external entities.
        _site.Override(TestSiteCatalog.RobotsPath, HostileResponses.Bytes(BinaryJunk(), "text/plain"));
        _site.Override(TestSiteCatalog.FeedPath, HostileResponses.Bytes(Encoding.UTF8.GetBytes(BillionLaughsFeed()), "application/rss+xml"));
        _site.Override(TestSiteCatalog.SitemapPath, HostileResponses.Bytes(Encoding.UTF8.GetBytes(ExternalEntitySitemap()), "application/xml"));
        _site.Override(TenThousandItemsPath, HostileResponses.Bytes(Encoding.UTF8.GetBytes(TenThousandItemsFeed()), "application/rss+xml"));

        var report = await CrawlAsync();

        var failures = report.Sites.Single().Failures.ToDictionary(f => new Uri(f.Url).AbsolutePath, f => f.Reason);
        Assert.Equal("timed out after 5 s", failures[slowloris.Path]);
        Assert.Equal("response larger than 10 MB", failures[endless.Path]);
        Assert.Equal("response larger than 10 MB", failures[bomb.Path]);
        Assert.Equal("response larger than 10 MB", failures[huge.Path]);
        Assert.Equal("markup nested more than 5000 levels deep", failures[nested.Path]);
        Assert.Equal(5, failures.Count);
        Assert.Equal("skipped", FrontierState(nested.Path));
        Assert.Equal("skipped", FrontierState(bomb.Path));
        Assert.Equal("failed", FrontierState(slowloris.Path));

        // Bodies are read up to the cap and no further: the client hung up on the endless and the oversized answers.
        // The whole bomb is about 4 MB on the wire, so "larger than 10 MB" can only be its inflated size.
        await Eventually.TrueAsync(() => _hostile.HungUp("endless"), "the client hangs up on the endless body");
        await Eventually.TrueAsync(() => _hostile.HungUp("huge"), "the client hangs up on the 100 MB page");

        Assert.Equal("redirect to unsupported scheme file", LastError(toFile.Path));
        Assert.Equal("redirect to unsupported scheme ftp", LastError(toFtp.Path));
        Assert.Equal("redirect to unsupported scheme data", LastError(toData.Path));
        Assert.Equal("redirect to a URL longer than 4096 characters", LastError(toLong.Path));
        Assert.All(new[] { toFile, toFtp, toData, toLong }, a => Assert.Equal("skipped", FrontierState(a.Path)));
        Assert.DoesNotContain(_site.Requests, r => r.PathAndQuery.Length > 4096);
        Assert.DoesNotContain(_site.RequestLog, p => p.StartsWith("/xxe", StringComparison.Ordinal));
        // The 10,000-item feed is read up to the reader's bound, and its repeats cost no extra fetch.
        Assert.Contains(_log, line => line.StartsWith($"abreview: feed {_site.UriFor(TenThousandItemsPath)}: 5000 items", StringComparison.Ordinal));
        Assert.All(TestSiteCatalog.Articles, a => Assert.Equal(1, _site.CountRequests(a.Path)));

        // NUL bytes and broken UTF-8 are read past; a page sent as UTF-8 but labelled windows-1251 is read as UTF-8.
        Assert.Equal(1, Stored(nul.Path));
        var nulBody = (string)ArchiveProbe.Scalar(_archive.Path, "SELECT body FROM articles WHERE url_key = $k", ("$k", Key(nul.Path)))!;
        Assert.DoesNotContain('\0', nulBody);
        Assert.Contains("Участники", nulBody);
        Assert.Equal(1, Stored(mislabelled.Path));
        Assert.Equal(mislabelled.Title, ArchiveProbe.Scalar(_archive.Path, "SELECT title FROM articles WHERE url_key = $k", ("$k", Key(mislabelled.Path))));

        // The run went on: every ordinary article is stored, and the run's history keeps the failures with their reasons.
        Assert.All(TestSiteCatalog.Articles, a => Assert.Equal(1, Stored(a.Path)));
        using var store = ArchiveStore.Open(_archive.Path, readOnly: true);
        var run = store.GetRun(report.RunId!.Value)!;
        Assert.Equal("failed", run.Status);
        Assert.Equal(5, run.Sites.Single().Failures.Count);
    }

    private TestArticle Mount(string slug, Microsoft.AspNetCore.Http.RequestDelegate? handler)
    {
        var article = TestSiteCatalog.ScenarioArticle("hostile-" + slug, _nextId++, hoursAgo: 1 + (_nextId % 100) / 10.0);
        _site.AddArticle(article);
        if (handler is not null)
        {
            _site.Override(article.Path, handler);
        }
        return article;
    }

    private async Task<CrawlReport> CrawlAsync()
    {
        using var store = ArchiveStore.Open(_archive.Path);
        var site = store.AddSite("abreview", _site.UriFor(TestSiteCatalog.ListingPath), [_site.UriFor(TenThousandItemsPath)], _clock.Now);
        using var http = FetchHttpClientBuilder.Create(Options);
        var crawler = new Crawler(store, new PageFetcher(http, Options, _clock), _clock, new CrawlOptions { Since = new DateOnly(2026, 2, 1), RevisitDays = 0 }, (_, line) =>
        {
            lock (_log)
            {
                _log.Add(line);
            }
        });
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await crawler.RunAsync([site], hangGuard.Token);
    }

    private static byte[] WithNulAndBrokenUtf8(byte[] page)
    {
        var html = Encoding.UTF8.GetString(page);
        var at = html.IndexOf("Участники рынка", StringComparison.Ordinal);
        Assert.True(at > 0, "the article text moved");
        var before = Encoding.UTF8.GetBytes(html[..at]);
        var after = Encoding.UTF8.GetBytes(html[(at + "Участники".Length)..]);
        byte[] hostile = [.. Encoding.UTF8.GetBytes("Участ"), 0x00, .. Encoding.UTF8.GetBytes("ники"), 0x00, 0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80];
        return [.. before, .. hostile, .. after];
    }

    private static byte[] BinaryJunk()
    {
        var junk = new byte[64 * 1024];
        new Random(7).NextBytes(junk);
        return junk;
    }

    private string BillionLaughsFeed()
    {
        var entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            var previous = i == 1 ? "lol" : "lol" + (i - 1);
            entities.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&{previous};", 10))}\">");
        }
        var article = TestSiteCatalog.Articles[0];
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE rss [{entities}<!ENTITY xxe SYSTEM "{_site.UriFor("/xxe/feed")}">]>
            <rss version="2.0"><channel><title>&lol9;</title><link>{_site.BaseUri}</link>
            <item><title>&xxe;</title><link>{_site.UriFor(article.Path)}</link><pubDate>{TestSiteDates.Rfc822(article.Published)}</pubDate></item>
            </channel></rss>
            """;
    }

    private string TenThousandItemsFeed()
    {
        var items = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            var article = TestSiteCatalog.Articles[i % TestSiteCatalog.Articles.Count];
            items.Append($"<item><title>Повтор {i}</title><link>{_site.UriFor(article.Path)}</link><pubDate>{TestSiteDates.Rfc822(article.Published)}</pubDate></item>");
        }
        return $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Лента</title>{items}</channel></rss>";
    }

    private string ExternalEntitySitemap() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE urlset [<!ENTITY xxe SYSTEM "{_site.UriFor("/xxe/sitemap")}">]>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&xxe;</loc></url></urlset>
        """;

    private string Key(string path) => UrlNormalizer.NormalizeString(_site.UriFor(path));

    private long Stored(string path) => ArchiveProbe.Count(_archive.Path, "SELECT count(*) FROM articles WHERE url_key = $k", ("$k", Key(path)));

    private string? FrontierState(string path) => ArchiveProbe.Scalar(_archive.Path, "SELECT state FROM frontier WHERE url_key = $k", ("$k", Key(path))) as string;

    private string? LastError(string path) => ArchiveProbe.Scalar(_archive.Path, "SELECT last_error FROM frontier WHERE url_key = $k", ("$k", Key(path))) as string;
}
