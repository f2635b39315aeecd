using NewsArchive.Fetching;
using NewsArchive.Parsing;
using NewsArchive.Sites;
using NewsArchive.Storage;

namespace NewsArchive.Crawling;

/// <summary>
/// One nightly run: discover new URLs per site (feeds, then listing pages until they hold only known
/// articles), queue them in the persistent frontier, fetch and store them. Sites run in parallel;
/// one host's requests are spaced by the fetcher. A stop request ends the run after the page in flight.
/// </summary>
public sealed class Crawler(ArchiveStore store, PageFetcher fetcher, TimeProvider time, CrawlOptions options, Action<string>? log = null)
{
    public async Task<CrawlReport> RunAsync(IReadOnlyList<Site> sites, CancellationToken stop)
    {
        var reports = await Task.WhenAll(sites.Select(site => Task.Run(() => CrawlSiteAsync(site, stop), CancellationToken.None)));
        return new CrawlReport(reports, stop.IsCancellationRequested);
    }

    private async Task<SiteCrawlReport> CrawlSiteAsync(Site site, CancellationToken stop)
    {
        var report = new SiteCrawlReport(site.Name);
        var parser = new ArticleParser();
        try
        {
            store.RequeueFailed(site.Id, options.MaxAttempts);
            await DiscoverAsync(site, parser, report, stop);
            await FetchFrontierAsync(site, parser, report, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped between pages; the frontier keeps the rest for the next run.
        }
        return report;
    }

    private async Task DiscoverAsync(Site site, ArticleParser parser, SiteCrawlReport report, CancellationToken stop)
    {
        var feeds = new List<Uri>(site.Feeds);
        var start = await fetcher.FetchAsync(site.StartUrl, CancellationToken.None);
        Record(site, start);
        ParsedPage? startPage = null;
        if (start.Outcome == FetchOutcome.Ok)
        {
            startPage = parser.Parse(start.DecodeText(), start.FinalUrl, Context(null));
            foreach (var feed in startPage.FeedUrls)
            {
                if (UrlNormalizer.IsSameSite(feed, site.StartUrl) && !feeds.Contains(feed))
                {
                    feeds.Add(feed);
                }
            }
        }
        else
        {
            report.Failures.Add((site.StartUrl.AbsoluteUri, start.Error ?? $"HTTP {start.StatusCode}"));
            log?.Invoke($"{site.Name}: start page failed: {start.Error ?? "HTTP " + start.StatusCode}");
        }

        foreach (var feedUrl in feeds)
        {
            stop.ThrowIfCancellationRequested();
            var feed = await fetcher.FetchAsync(feedUrl, CancellationToken.None);
            Record(site, feed);
            if (feed.Outcome != FetchOutcome.Ok)
            {
                log?.Invoke($"{site.Name}: feed {feedUrl} failed: {feed.Error ?? "HTTP " + feed.StatusCode}");
                continue;
            }
            var text = feed.DecodeText();
            if (!FeedReader.LooksLikeFeed(text))
            {
                log?.Invoke($"{site.Name}: {feedUrl} is not a feed");
                continue;
            }
            var items = FeedReader.Read(text, feed.FinalUrl, time.GetLocalNow(), options.SiteZone)
                .Where(i => UrlNormalizer.IsSameSite(i.Url, site.StartUrl) && IsRecentEnough(i.Published));
            report.Discovered += Enqueue(site, items.Select(i => (i.Url, "feed", i.Published)));
        }

        // Listing pages, newest first, until a page holds nothing new or goes past --since.
        var page = startPage;
        var visited = new HashSet<string> { UrlNormalizer.NormalizeString(site.StartUrl) };
        for (var pageNumber = 1; page is not null && pageNumber <= options.MaxListingPages; pageNumber++)
        {
            var teasers = page.Links.Where(l => l.Kind == LinkKind.Listing).ToList();
            var inSection = teasers.Where(l => l.Url.AbsolutePath.StartsWith(site.StartUrl.AbsolutePath, StringComparison.OrdinalIgnoreCase)
                && l.Url.AbsolutePath.Length > site.StartUrl.AbsolutePath.Length).ToList();
            var candidates = (inSection.Count > 0 ? inSection : teasers)
                .Where(l => UrlNormalizer.IsSameSite(l.Url, site.StartUrl)).ToList();
            var fresh = candidates.Where(l => !store.IsKnown(UrlNormalizer.NormalizeString(l.Url))).ToList();
            var tooOld = candidates.Any(l => l.Published is { } p && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p, options.SiteZone).DateTime) < options.Since);
            report.Discovered += Enqueue(site, fresh.Where(l => IsRecentEnough(l.Published)).Select(l => (l.Url, "listing", l.Published)));
            if (fresh.Count == 0 || tooOld)
            {
                break;
            }
            var next = page.NextPageUrls.FirstOrDefault(u => visited.Add(UrlNormalizer.NormalizeString(u)));
            if (next is null)
            {
                break;
            }
            stop.ThrowIfCancellationRequested();
            var fetched = await fetcher.FetchAsync(next, CancellationToken.None);
            Record(site, fetched);
            page = fetched.Outcome == FetchOutcome.Ok ? parser.Parse(fetched.DecodeText(), fetched.FinalUrl, Context(null)) : null;
        }
    }

    private async Task FetchFrontierAsync(Site site, ArticleParser parser, SiteCrawlReport report, CancellationToken stop)
    {
        var budget = options.MaxPages ?? int.MaxValue;
        while (budget > 0)
        {
            var batch = store.PendingFrontier(site.Id, Math.Min(budget, 50));
            if (batch.Count == 0)
            {
                return;
            }
            foreach (var entry in batch)
            {
                stop.ThrowIfCancellationRequested();
                if (budget-- <= 0)
                {
                    return;
                }
                await FetchOneAsync(site, parser, entry, report);
            }
        }
    }

    private async Task FetchOneAsync(Site site, ArticleParser parser, FrontierEntry entry, SiteCrawlReport report)
    {
        // The page in flight is finished even when a stop was requested.
        var result = await fetcher.FetchAsync(entry.FetchUrl, CancellationToken.None);
        report.Fetched++;
        var record = ToRecord(site, result);
        if (result.Outcome != FetchOutcome.Ok)
        {
            var reason = result.Error ?? $"HTTP {result.StatusCode}";
            // robots.txt that could not be read blocks the host for this run only: try again next time.
            var temporary = result.Outcome == FetchOutcome.Blocked && reason.StartsWith("robots.txt unavailable", StringComparison.Ordinal);
            var state = result.Outcome is FetchOutcome.Blocked or FetchOutcome.Skipped && !temporary ? "skipped" : "failed";
            store.SettleFrontier(entry.UrlKey, state, reason, record);
            if (state == "failed")
            {
                report.Failures.Add((entry.FetchUrl.AbsoluteUri, reason));
                log?.Invoke($"{site.Name}: failed {entry.FetchUrl}: {reason}");
            }
            else
            {
                report.Skipped++;
            }
            return;
        }
        if (result.ContentType is { } type && !type.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            store.SettleFrontier(entry.UrlKey, "skipped", $"not HTML ({type})", record);
            report.Skipped++;
            return;
        }

        ParsedPage page;
        try
        {
            page = parser.Parse(result.DecodeText(), result.FinalUrl, Context(entry.FeedPublished));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            store.SettleFrontier(entry.UrlKey, "failed", $"parse error: {ex.Message}", record);
            report.Failures.Add((entry.FetchUrl.AbsoluteUri, "parse error: " + ex.Message));
            return;
        }
        if (page.Kind != PageKind.Article)
        {
            store.SettleFrontier(entry.UrlKey, "skipped", $"not an article ({page.Kind.ToString().ToLowerInvariant()})", record);
            report.Skipped++;
            return;
        }

        store.StoreArticle(site.Id, entry.UrlKey, page, record);
        report.Stored++;
        log?.Invoke($"{site.Name}: stored {page.Title}");

        var related = page.Links
            .Where(l => l.Kind == LinkKind.Related && UrlNormalizer.IsSameSite(l.Url, site.StartUrl) && IsRecentEnough(l.Published))
            .Select(l => (l.Url, "related", (DateTimeOffset?)null));
        report.Discovered += Enqueue(site, related);
    }

    private int Enqueue(Site site, IEnumerable<(Uri Url, string Source, DateTimeOffset? Published)> links)
    {
        var entries = links.Select(l => new FrontierEntry(UrlNormalizer.NormalizeString(l.Url), StripFragment(l.Url), site.Id, l.Source,
            l.Source == "feed" ? l.Published : null));
        return store.Enqueue(entries, time.GetUtcNow());
    }

    private static Uri StripFragment(Uri url) => new UriBuilder(url) { Fragment = "" }.Uri;

    private bool IsRecentEnough(DateTimeOffset? published) =>
        published is not { } p || DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p, options.SiteZone).DateTime) >= options.Since;

    private ParseContext Context(DateTimeOffset? feedPublished) => new(time.GetUtcNow(), options.SiteZone, feedPublished);

    private void Record(Site site, FetchResult result) => store.RecordFetch(ToRecord(site, result) with { Body = null });

    private static FetchRecord ToRecord(Site site, FetchResult result) => new(
        site.Id, result.RequestedUrl, result.FinalUrl, result.FetchedAt, result.StatusCode, result.Outcome.ToString().ToLowerInvariant(),
        result.Error, result.ContentType, result.Body, result.ETag, result.LastModified);
}
