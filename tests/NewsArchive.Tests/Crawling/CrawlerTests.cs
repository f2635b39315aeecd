using System.Text;
using AngleSharp.Html.Parser;
using NewsArchive.Crawling;
using NewsArchive.Fetching;
using NewsArchive.Parsing;
using NewsArchive.Sites;
using NewsArchive.Storage;
using NewsArchive.Tests.Reliability;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Crawling;

/// <summary>
/// The crawler against the loopback test site, each scenario asserting on what the archive holds and on what the
/// site was asked for. Requests are not spaced (delay 0) and retries wait milliseconds, so no test waits for long;
/// nothing asserts on elapsed time.
/// </summary>
public sealed class CrawlerTests : IAsyncLifetime
{
    private static readonly FetchOptions Fast = new()
    {
        DelayPerHost = TimeSpan.Zero,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        Timeout = TimeSpan.FromSeconds(1),
        MaxRetries = 1,
        MaxResponseBytes = 1024 * 1024,
        AcceptedMediaTypes = FetchOptions.CrawlableMediaTypes,
    };

    private readonly TempArchive _archive = new();
    private readonly SettableClock _clock = new(TestSiteCatalog.ReferenceNow);
    private readonly List<string> _log = [];
    private NewsTestSite _site = null!;

    public async Task InitializeAsync() => _site = await NewsTestSite.StartAsync();

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _archive.Dispose();
    }

    private static CrawlOptions Options(int revisitDays = 0) => new() { Since = new DateOnly(2026, 2, 1), RevisitDays = revisitDays };

    private Task<CrawlReport> CrawlAsync(CrawlOptions? options = null, string start = TestSiteCatalog.ListingPath, params string[] feeds) =>
        CrawlAsync(options, null, start, feeds);

    private async Task<CrawlReport> CrawlAsync(CrawlOptions? options, Func<Site, ArticleParser>? parsers, string start = TestSiteCatalog.ListingPath, params string[] feeds)
    {
        using var store = ArchiveStore.Open(_archive.Path);
        var site = store.FindSite("abreview")
            ?? store.AddSite("abreview", _site.UriFor(start), feeds.Select(_site.UriFor).ToList(), _clock.Now);
        using var http = FetchHttpClientBuilder.Create(Fast);
        var fetcher = new PageFetcher(http, Fast, _clock);
        void Log(CrawlLogLevel level, string message)
        {
            lock (_log)
            {
                _log.Add(message);
            }
        }
        var crawler = parsers is null
            ? new Crawler(store, fetcher, _clock, options ?? Options(), Log)
            : new Crawler(store, fetcher, _clock, options ?? Options(), Log) { CreateParser = parsers };
        return await crawler.RunAsync([site], CancellationToken.None);
    }

    private string Key(string path) => UrlNormalizer.NormalizeString(_site.UriFor(path));

    private long Stored(string path) => ArchiveProbe.Count(_archive.Path, "SELECT count(*) FROM articles WHERE url_key = $k", ("$k", Key(path)));

    private string? FrontierState(string path) => ArchiveProbe.Scalar(_archive.Path, "SELECT state FROM frontier WHERE url_key = $k", ("$k", Key(path))) as string;

    private string? FrontierSource(string path) => ArchiveProbe.Scalar(_archive.Path, "SELECT source FROM frontier WHERE url_key = $k", ("$k", Key(path))) as string;

    private long ArticleCount() => ArchiveProbe.Count(_archive.Path, "SELECT count(*) FROM articles");

    [Fact]
    public async Task RunAsync_NewArchive_DiscoversFeedsFirstThenListingPagesThenSitemapsThenFetches()
    {
        var report = await CrawlAsync();

        Assert.Equal(TestSiteCatalog.Articles.Count, report.Stored);
        Assert.Equal(TestSiteCatalog.Articles.Count, ArticleCount());
        var log = _site.RequestLog;
        var feed = log.ToList().IndexOf(TestSiteCatalog.FeedPath);
        var page2 = log.ToList().IndexOf(TestSiteCatalog.ListingPagePath(2));
        var sitemap = log.ToList().IndexOf(TestSiteCatalog.SitemapPath);
        var firstArticle = log.ToList().FindIndex(p => TestSiteCatalog.Articles.Any(a => p.StartsWith(a.Path, StringComparison.Ordinal)));
        Assert.True(feed >= 0 && feed < page2 && page2 < sitemap && sitemap < firstArticle, string.Join("\n", log));
        // The feed's items are queued from the feed, the older ones from the listing.
        Assert.Equal("feed", FrontierSource(TestSiteCatalog.Articles[0].Path));
        Assert.Equal("listing", FrontierSource(TestSiteCatalog.Articles[TestSiteCatalog.ListingPageSize * 2].Path));
        Assert.Equal(1, _site.MaxConcurrentRequests);
    }

    [Fact]
    public async Task RunAsync_SecondRun_ListingUnchangedAnswers304AndNothingIsRefetched()
    {
        await CrawlAsync();
        _site.ClearRequestLog();
        _clock.Now = _clock.Now.AddDays(1);

        var second = await CrawlAsync();

        Assert.Equal(0, second.Stored);
        Assert.Equal(TestSiteCatalog.Articles.Count, ArticleCount());
        // The start page, feed and sitemap were asked conditionally and answered 304: no page 2, no article.
        var start = _site.Requests.Single(r => r.PathAndQuery == TestSiteCatalog.ListingPath);
        Assert.NotNull(start.IfNoneMatch);
        Assert.NotNull(_site.Requests.Single(r => r.PathAndQuery == TestSiteCatalog.FeedPath).IfNoneMatch);
        Assert.Equal(0, _site.CountRequests(TestSiteCatalog.ListingPagePath(2)));
        Assert.DoesNotContain(_site.RequestLog, p => TestSiteCatalog.Articles.Any(a => p.StartsWith(a.Path, StringComparison.Ordinal)));
        Assert.True(second.Sites[0].Unchanged >= 3);
    }

    [Fact]
    public async Task RunAsync_SecondRunWithNewArticle_ListingWalkStopsAtFirstPageOfKnownArticles()
    {
        await CrawlAsync();
        _site.SetFeedLinked(false);
        var fresh = TestSiteCatalog.ScenarioArticle("novaya-statya", 300001, hoursAgo: 0.5);
        _site.AddArticle(fresh);
        _site.ClearRequestLog();
        _clock.Now = _clock.Now.AddHours(1);

        var second = await CrawlAsync();

        Assert.Equal(1, second.Stored);
        Assert.Equal(1, Stored(fresh.Path));
        // Page 1 held the new article and four known ones; page 2 holds only known ones, and the walk ends there.
        Assert.Equal(1, _site.CountRequests(TestSiteCatalog.ListingPagePath(2)));
        Assert.Equal(0, _site.CountRequests(TestSiteCatalog.ListingPagePath(3)));
    }

    [Fact]
    public async Task RunAsync_ListingWithDalieeLinksAndPagePaths_WalksEveryPage()
    {
        _site.SetFeedLinked(false);
        _site.SetRobots("User-agent: *\nDisallow: /sitemap\n");

        var report = await CrawlAsync(start: TestSiteCatalog.LentaPath);

        var pages = (TestSiteCatalog.Articles.Count + TestSiteCatalog.ListingPageSize - 1) / TestSiteCatalog.ListingPageSize;
        for (var page = 2; page <= pages; page++)
        {
            Assert.Equal(1, _site.CountRequests($"{TestSiteCatalog.LentaPath}page/{page}/"));
        }
        Assert.Equal(TestSiteCatalog.Articles.Count, report.Stored);
        // The last page holds a single teaser, which the parser does not take for a listing: its article comes from a related link.
        Assert.All(TestSiteCatalog.Articles.Take(TestSiteCatalog.ListingPageSize * 3), a => Assert.Equal("listing", FrontierSource(a.Path)));
        Assert.Equal(0, _site.CountRequests(TestSiteCatalog.SitemapPath));
    }

    [Fact]
    public async Task RunAsync_SitemapIndexWithGzipAndNewsSitemaps_FindsUnlistedArticlesAndSkipsStaleChild()
    {
        var recent = TestSiteCatalog.ScenarioArticle("tolko-v-news-sitemap", 300010, hoursAgo: 3, listed: false);
        var older = TestSiteCatalog.ScenarioArticle("tolko-v-arkhive", 300011, hoursAgo: 24 * 5, listed: false);
        _site.AddArticle(recent);
        _site.AddArticle(older);
        _site.SetFeedLinked(false);
        _site.SetRobots($"User-agent: *\nDisallow: /bitrix/\n\nSitemap: {_site.UriFor(TestSiteCatalog.SitemapIndexPath)}\n");

        var report = await CrawlAsync();

        Assert.Equal(1, Stored(recent.Path));
        Assert.Equal(1, Stored(older.Path));
        Assert.Equal("sitemap", FrontierSource(recent.Path));
        Assert.Equal("sitemap", FrontierSource(older.Path));
        Assert.Equal(1, _site.CountRequests(TestSiteCatalog.SitemapIndexPath));
        Assert.Equal(1, _site.CountRequests(TestSiteCatalog.NewsSitemapPath));
        Assert.Equal(1, _site.CountRequests(TestSiteCatalog.GzipSitemapPath));
        Assert.Equal(0, _site.CountRequests(TestSiteCatalog.OldSitemapPath));
        Assert.Equal(TestSiteCatalog.Articles.Count + 2, report.Stored);
        // The news sitemap's publication date travels with the queued URL.
        Assert.Equal(recent.Published, StoredTime.Parse(ArchiveProbe.Scalar(_archive.Path, "SELECT feed_published FROM frontier WHERE url_key = $k", ("$k", Key(recent.Path))) as string));
    }

    [Fact]
    public async Task RunAsync_SitemapLastmodNewerThanLastFetch_RefetchesOnlyThatArticle()
    {
        await CrawlAsync();
        var edited = TestSiteCatalog.Articles[^1];
        var addition = "Редакция дополнила материал комментарием представителя компании.";
        _site.UpdateArticle(edited with { Updated = TestSiteCatalog.ReferenceNow.AddHours(12), BodyParagraphs = [.. edited.BodyParagraphs, addition] });
        _site.ClearRequestLog();
        _clock.Now = _clock.Now.AddDays(1);

        var second = await CrawlAsync();

        Assert.Equal(1, second.Sites[0].Revisited);
        Assert.Equal(1, _site.CountRequests(edited.Path));
        var others = TestSiteCatalog.Articles.Where(a => a.Path != edited.Path);
        Assert.All(others, a => Assert.Equal(0, _site.CountRequests(a.Path)));
        var body = ArchiveProbe.Scalar(_archive.Path, "SELECT body FROM articles WHERE url_key = $k", ("$k", Key(edited.Path))) as string;
        Assert.Contains(addition, body);
        Assert.Equal(TestSiteCatalog.Articles.Count, ArticleCount());
    }

    [Theory]
    [InlineData(TestSiteCatalog.FeedAsHtmlPath)]
    [InlineData(TestSiteCatalog.MalformedFeedPath)]
    [InlineData(TestSiteCatalog.AtomPath)]
    [InlineData(TestSiteCatalog.RdfPath)]
    public async Task RunAsync_GivenFeed_QueuesItsItemsFirstAndStoresEachOnce(string feedPath)
    {
        var unlisted = TestSiteCatalog.ScenarioArticle("tolko-v-lente", 300020, hoursAgo: 1, listed: false);
        _site.AddArticle(unlisted);
        _site.SetFeedLinked(false);

        var report = await CrawlAsync(feeds: feedPath);

        Assert.Equal(1, _site.CountRequests(feedPath));
        Assert.Equal(1, Stored(unlisted.Path));
        Assert.Equal(TestSiteCatalog.Articles.Count + 1, ArticleCount());
        Assert.Equal(TestSiteCatalog.Articles.Count + 1, report.Stored);
        Assert.Contains(_log, l => l.Contains($"feed {_site.UriFor(feedPath)}: {TestSiteCatalog.FeedItemCount} items", StringComparison.Ordinal));
        if (feedPath == TestSiteCatalog.AtomPath)
        {
            // Atom links use the numeric alias; the canonical link folds it into the real address.
            Assert.Equal("done", ArchiveProbe.Scalar(_archive.Path, "SELECT state FROM frontier WHERE url_key = $k", ("$k", Key(TestSiteCatalog.AliasPath(unlisted)))));
            Assert.Equal(0, ArchiveProbe.Count(_archive.Path, "SELECT count(*) FROM articles WHERE url LIKE '%/300020/%'"));
        }
        else
        {
            Assert.Equal("feed", FrontierSource(unlisted.Path));
        }
    }

    [Fact]
    public async Task RunAsync_TrackingAndAliasSpellings_EachArticleStoredOnceUnderItsCanonicalUrl()
    {
        await CrawlAsync(feeds: TestSiteCatalog.AtomPath);

        Assert.Equal(TestSiteCatalog.Articles.Count, ArticleCount());
        Assert.Equal(0, ArchiveProbe.Count(_archive.Path, "SELECT count(*) FROM articles WHERE url LIKE '%utm_%' OR url LIKE '%/2187__/'"));
        foreach (var article in TestSiteCatalog.Articles)
        {
            Assert.Equal(1, Stored(article.Path));
        }
    }

    [Fact]
    public async Task RunAsync_RobotsWildcardsAndAllow_FetchesOnlyWhatRobotsAllows()
    {
        var closed = TestSiteCatalog.ScenarioArticle("zakryto-1", 300030, hoursAgo: 1);
        var reopened = TestSiteCatalog.ScenarioArticle("zakryto-otkryto", 300031, hoursAgo: 2);
        _site.AddArticle(closed);
        _site.AddArticle(reopened);
        _site.SetRobots("User-agent: *\nDisallow: /*/zakryto-\nAllow: /ab/news/rynok/zakryto-otkryto/$\nCrawl-delay: 0.01\n\nUser-agent: OtherBot\nDisallow: /\n");

        await CrawlAsync();

        Assert.Equal(0, _site.CountRequests(closed.Path));
        Assert.Equal(0, Stored(closed.Path));
        Assert.Equal("skipped", FrontierState(closed.Path));
        Assert.Equal(1, Stored(reopened.Path));
        Assert.Equal(TestSiteCatalog.Articles.Count + 1, ArticleCount());
    }

    [Fact]
    public async Task RunAsync_HostileResponses_EachEndsAsItShouldAndTheRestIsStored()
    {
        var hostile = new Dictionary<TestResponseBehavior, TestArticle>();
        var id = 300100;
        foreach (var behavior in Enum.GetValues<TestResponseBehavior>().Where(b => b != TestResponseBehavior.Normal))
        {
            var article = TestSiteCatalog.ScenarioArticle("scenario-" + behavior.ToString().ToLowerInvariant(), id++, hoursAgo: 1 + hostile.Count, behavior);
            hostile[behavior] = article;
            _site.AddArticle(article);
        }

        var report = await CrawlAsync();

        foreach (var article in TestSiteCatalog.Articles)
        {
            Assert.Equal(1, Stored(article.Path));
        }
        // Transient trouble: retried, then stored.
        foreach (var behavior in new[] { TestResponseBehavior.TooManyRequestsOnce, TestResponseBehavior.UnavailableOnce, TestResponseBehavior.ResetOnce })
        {
            Assert.Equal(1, Stored(hostile[behavior].Path));
            Assert.True(_site.CountRequests(hostile[behavior].Path) == 2, $"{behavior}: {string.Join(", ", _site.RequestLog.Where(p => p.Contains("scenario", StringComparison.Ordinal)))}");
        }
        // A JavaScript shell is retried once, later in the run: stored when the real page shows up, reported when not.
        Assert.Equal(2, _site.CountRequests(hostile[TestResponseBehavior.JsShellOnce].Path));
        Assert.Equal(1, Stored(hostile[TestResponseBehavior.JsShellOnce].Path));
        Assert.Equal(2, _site.CountRequests(hostile[TestResponseBehavior.JsShell].Path));
        Assert.Equal(0, Stored(hostile[TestResponseBehavior.JsShell].Path));
        Assert.Equal("skipped", FrontierState(hostile[TestResponseBehavior.JsShell].Path));

        // A PDF is recorded and skipped, quietly; its bytes are not kept.
        var pdf = hostile[TestResponseBehavior.Pdf];
        Assert.Equal(1, _site.CountRequests(pdf.Path));
        Assert.Equal("skipped", FrontierState(pdf.Path));
        Assert.Equal("not a page (application/pdf)", ArchiveProbe.Scalar(_archive.Path, "SELECT last_error FROM frontier WHERE url_key = $k", ("$k", Key(pdf.Path))));
        Assert.Equal(0, ArchiveProbe.Count(_archive.Path, "SELECT count(*) FROM sources WHERE content_type = 'application/pdf'"));

        var failures = report.Sites[0].Failures.ToDictionary(f => new Uri(f.Url).AbsolutePath, f => f.Reason);
        Assert.StartsWith("timed out after 1 s", failures[hostile[TestResponseBehavior.Hang].Path]);
        Assert.Equal("redirect loop", failures[hostile[TestResponseBehavior.RedirectLoop].Path]);
        Assert.Equal("response larger than 1 MB", failures[hostile[TestResponseBehavior.Huge].Path]);
        Assert.StartsWith("JavaScript-only page", failures[hostile[TestResponseBehavior.JsShell].Path]);
        Assert.Equal(4, failures.Count);
        Assert.Equal(1, _site.CountRequests(hostile[TestResponseBehavior.Huge].Path));
        Assert.Equal(1, _site.CountRequests(hostile[TestResponseBehavior.RedirectLoop].Path));
        Assert.Equal(1, _site.CountRequests(hostile[TestResponseBehavior.RedirectLoop].Path + "?r=1"));
        Assert.Equal(0, _site.CountRequests(pdf.Path + "?r=1"));

        // The runs history keeps the failures with their reasons.
        using (var store = ArchiveStore.Open(_archive.Path, readOnly: true))
        {
            var run = store.GetRun(report.RunId!.Value)!;
            Assert.Equal("failed", run.Status);
            Assert.Equal(4, run.Sites.Single().Failures.Count);
            Assert.Equal(TestSiteCatalog.Articles.Count + 4, run.Stored);
        }

        // Next run: the timeout and the loop are tried again; the shell, the PDF and the huge page are not.
        _site.ClearRequestLog();
        _clock.Now = _clock.Now.AddDays(1);
        await CrawlAsync();
        Assert.Equal(2, _site.CountRequests(hostile[TestResponseBehavior.Hang].Path));
        Assert.Equal(1, _site.CountRequests(hostile[TestResponseBehavior.RedirectLoop].Path));
        Assert.Equal(0, _site.CountRequests(hostile[TestResponseBehavior.JsShell].Path));
        Assert.Equal(0, _site.CountRequests(pdf.Path));
        Assert.Equal(0, _site.CountRequests(hostile[TestResponseBehavior.Huge].Path));
    }

    [Fact]
    public async Task RunAsync_NextNight_RevisitsRecentArticlesForCountersAndLeavesOlderOnesAlone()
    {
        await CrawlAsync(Options(revisitDays: 7));
        // A new comment changes that page only (a views change would reorder the "Популярное" sidebar on every page).
        var popular = TestSiteCatalog.Articles[1];
        _site.SetComments(popular.Path, popular.Comments + 1);
        _site.ClearRequestLog();
        _clock.Now = _clock.Now.AddDays(1);

        var second = await CrawlAsync(Options(revisitDays: 7));

        var cutoff = _clock.Now.AddDays(-7);
        var recent = TestSiteCatalog.Articles.Where(a => a.Published >= cutoff).ToList();
        var old = TestSiteCatalog.Articles.Where(a => a.Published < cutoff).ToList();
        Assert.NotEmpty(recent);
        Assert.NotEmpty(old);
        Assert.All(recent, a => Assert.Equal(1, _site.CountRequests(a.Path)));
        Assert.All(old, a => Assert.Equal(0, _site.CountRequests(a.Path)));
        // Conditional GETs: only the article whose counter changed came back in full.
        Assert.All(_site.Requests.Where(r => recent.Any(a => a.Path == r.PathAndQuery)), r => Assert.NotNull(r.IfNoneMatch));
        Assert.Equal(1, second.Sites[0].Revisited);
        Assert.Equal(recent.Count - 1, second.Sites[0].Unchanged - 3);
        var id = ArchiveProbe.Scalar(_archive.Path, "SELECT id FROM articles WHERE url_key = $k", ("$k", Key(popular.Path)));
        Assert.Equal(2, ArchiveProbe.Count(_archive.Path, "SELECT count(*) FROM counters WHERE article_id = $id", ("$id", id!)));
        Assert.Equal(popular.Comments + 1, ArchiveProbe.Count(_archive.Path, "SELECT comments FROM articles WHERE id = $id", ("$id", id!)));
        var unchanged = ArchiveProbe.Scalar(_archive.Path, "SELECT id FROM articles WHERE url_key = $k", ("$k", Key(TestSiteCatalog.Articles[0].Path)));
        Assert.Equal(1, ArchiveProbe.Count(_archive.Path, "SELECT count(*) FROM counters WHERE article_id = $id", ("$id", unchanged!)));
    }

    /// <summary>A parser whose tree builder throws on a <c>&lt;parser-fault&gt;</c> element, as a parser bug would.</summary>
    private static ArticleParser ThrowingOnMarkedPages(Site site) => new(site.Profile, new HtmlParserOptions
    {
        IsScripting = false,
        OnCreated = (element, _) =>
        {
            if (element.LocalName == "parser-fault")
            {
                throw new InvalidOperationException("the test parser refuses this page");
            }
        },
    });

    [Fact]
    public async Task RunAsync_ParserThrowsOnTheStartPage_ThatPageFailsAndFeedsAndSitemapsStillBringTheArticles()
    {
        string listing;
        using (var http = new HttpClient())
        {
            listing = await http.GetStringAsync(_site.UriFor(TestSiteCatalog.ListingPath));
        }
        var page = listing.Replace("</body>", "<parser-fault></parser-fault></body>", StringComparison.Ordinal);
        _site.Override(TestSiteCatalog.ListingPath, HostileResponses.Bytes(Encoding.UTF8.GetBytes(page), "text/html; charset=utf-8"));

        var report = await CrawlAsync(Options(), ThrowingOnMarkedPages, TestSiteCatalog.ListingPath, TestSiteCatalog.FeedPath);

        var (url, reason) = Assert.Single(report.Sites[0].Failures);
        Assert.Equal(_site.UriFor(TestSiteCatalog.ListingPath).AbsoluteUri, url);
        Assert.Equal("parse error: the test parser refuses this page", reason);
        Assert.Null(report.Sites[0].FatalError);
        // No listing walk, but the feed and the sitemap were read and their articles stored.
        Assert.Equal(0, _site.CountRequests(TestSiteCatalog.ListingPagePath(2)));
        Assert.True(report.Stored > 0, string.Join("\n", _log));
        Assert.Equal(report.Stored, ArticleCount());
        Assert.Equal("failed", ArchiveProbe.Scalar(_archive.Path, "SELECT status FROM runs WHERE id = $id", ("$id", report.RunId!)));
    }

    [Fact]
    public async Task RunAsync_ParserThrowsOnARevisit_ThatPageFailsWithTheReasonAndTheRunGoesOn()
    {
        await CrawlAsync(Options(revisitDays: 7));
        var recent = TestSiteCatalog.Articles.Where(a => a.Published >= _clock.Now.AddDays(1 - 7)).ToList();
        var faulty = recent[0];
        var storedBody = ArchiveProbe.Scalar(_archive.Path, "SELECT body FROM articles WHERE url_key = $k", ("$k", Key(faulty.Path)));
        var page = Encoding.UTF8.GetString(_site.ArticlePageBytes(faulty.Path)).Replace("</body>", "<parser-fault></parser-fault></body>", StringComparison.Ordinal);
        _site.Override(faulty.Path, HostileResponses.Bytes(Encoding.UTF8.GetBytes(page), "text/html; charset=utf-8"));
        _site.ClearRequestLog();
        _clock.Now = _clock.Now.AddDays(1);

        var second = await CrawlAsync(Options(revisitDays: 7), ThrowingOnMarkedPages);

        Assert.False(second.Cancelled);
        Assert.Equal(1, second.Failed);
        var (url, reason) = Assert.Single(second.Sites[0].Failures);
        Assert.Equal(_site.UriFor(faulty.Path).AbsoluteUri, url);
        Assert.Equal("parse error: the test parser refuses this page", reason);
        // Every other recent article was still revisited (conditional GETs answered 304), and the stored reading stays.
        Assert.All(recent, a => Assert.Equal(1, _site.CountRequests(a.Path)));
        Assert.Equal(recent.Count - 1, second.Sites[0].Unchanged - 3);
        Assert.Equal(storedBody, ArchiveProbe.Scalar(_archive.Path, "SELECT body FROM articles WHERE url_key = $k", ("$k", Key(faulty.Path))));
        // The run is recorded as failed with its reason: what makes 'fetch' exit with code 1 and 'runs show' list it.
        Assert.Equal("failed", ArchiveProbe.Scalar(_archive.Path, "SELECT status FROM runs WHERE id = $id", ("$id", second.RunId!)));
        Assert.Equal(reason, ArchiveProbe.Scalar(_archive.Path, "SELECT reason FROM run_failures WHERE run_id = $id AND url = $url",
            ("$id", second.RunId!), ("$url", url)));
    }

    [Fact]
    public async Task RunAsync_DryRun_ListsWhatWouldBeFetchedAndWritesNothing()
    {
        await CrawlAsync(Options(revisitDays: 7));
        var fresh = TestSiteCatalog.ScenarioArticle("dlya-dry-run", 300040, hoursAgo: 0.5);
        _site.AddArticle(fresh);
        _site.ClearRequestLog();
        _clock.Now = _clock.Now.AddDays(1);
        var before = File.ReadAllBytes(_archive.Path);

        using var store = ArchiveStore.Open(_archive.Path, readOnly: true);
        var site = store.FindSite("abreview")!;
        using var http = FetchHttpClientBuilder.Create(Fast);
        var crawler = new Crawler(store, new PageFetcher(http, Fast, _clock), _clock, Options(revisitDays: 7) with { DryRun = true });
        var report = await crawler.RunAsync([site], CancellationToken.None);

        var planned = report.Sites[0].Planned;
        Assert.Contains(planned, p => UrlNormalizer.NormalizeString(p.Url) == Key(fresh.Path) && p.Reason.StartsWith("new", StringComparison.Ordinal));
        Assert.Contains(planned, p => p.Reason.StartsWith("revisit", StringComparison.Ordinal));
        Assert.Null(report.RunId);
        Assert.Equal(0, _site.CountRequests(fresh.Path));
        Assert.DoesNotContain(_site.RequestLog, p => TestSiteCatalog.Articles.Any(a => p.StartsWith(a.Path, StringComparison.Ordinal)));
        Assert.Equal(before, File.ReadAllBytes(_archive.Path));
        Assert.Equal(0, Stored(fresh.Path));
    }

    [Fact]
    public async Task RunAsync_HostUnreachable_SiteErrorSaysSoAndQueueIsUntouched()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var store = ArchiveStore.Open(_archive.Path);
        var site = store.AddSite("gone", new Uri($"http://127.0.0.1:{port}/news/"), [], _clock.Now);
        store.Enqueue([new FrontierEntry("http://127.0.0.1:" + port + "/news/a", new Uri($"http://127.0.0.1:{port}/news/a/"), site.Id, "listing", null)], _clock.Now);
        using var http = FetchHttpClientBuilder.Create(Fast);
        var crawler = new Crawler(store, new PageFetcher(http, Fast, _clock), _clock, Options());

        var report = await crawler.RunAsync([site], CancellationToken.None);

        Assert.StartsWith($"host 127.0.0.1:{port} could not be reached (", report.Sites[0].FatalError);
        Assert.Equal(1, report.Failed);
        Assert.Equal(0L, ArchiveProbe.Count(_archive.Path, "SELECT attempts FROM frontier"));
        Assert.Equal("pending", ArchiveProbe.Scalar(_archive.Path, "SELECT state FROM frontier"));
    }
}
