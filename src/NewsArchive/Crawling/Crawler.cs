using System.Globalization;
using NewsArchive.Fetching;
using NewsArchive.Parsing;
using NewsArchive.Sites;
using NewsArchive.Storage;

namespace NewsArchive.Crawling;

/// <summary>
/// One nightly run. Per site: discover new URLs (feeds first, then listing pages until a page holds only known
/// articles, then sitemaps), queue them in the persistent frontier, fetch and store them, then revisit recent
/// articles for their counters and edits. Up to <see cref="CrawlOptions.Concurrency"/> sites run in parallel; one
/// host's requests are spaced by the fetcher. A stop request ends the run after the page in flight. Every run is
/// recorded in the archive's runs history (except a dry run, which writes nothing).
/// </summary>
public sealed class Crawler(ArchiveStore store, PageFetcher fetcher, TimeProvider time, CrawlOptions options, Action<CrawlLogLevel, string>? log = null)
{
    private const int FrontierBatch = 50;
    private readonly Lock _gate = new();
    private IReadOnlyList<SiteCrawlReport> _live = [];

    /// <summary>Makes each site's parser; tests give one whose tree builder throws on a marked page.</summary>
    internal Func<Site, ArticleParser> CreateParser { get; init; } = site => new ArticleParser(site.Profile);

    /// <summary>The reports of the run in progress, updated as it goes; for a progress display.</summary>
    public IReadOnlyList<SiteCrawlReport> Live
    {
        get
        {
            lock (_gate)
            {
                return _live;
            }
        }
    }

    public async Task<CrawlReport> RunAsync(IReadOnlyList<Site> sites, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var startedAt = time.GetUtcNow();
        var reports = sites.Select(s => new SiteCrawlReport(s.Name, startedAt)).ToArray();
        lock (_gate)
        {
            _live = reports;
        }
        long? runId = options.DryRun ? null : store.StartRun(startedAt, DescribeOptions());

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Concurrency) };
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, sites.Count), parallel, async (i, _) =>
            {
                await CrawlSiteAsync(new SiteCrawl(sites[i], reports[i], CreateParser(sites[i])), startedAt, stop);
                if (runId is { } id)
                {
                    store.RecordRunSite(id, reports[i].ToRecord(time.GetUtcNow()));
                }
            });
        }
        catch (Exception ex) when (runId is not null && ex is not OperationCanceledException)
        {
            // A fatal error (the disk is full, the archive read-only) ends the run at the first write that fails.
            // Marking it is best effort: the archive may refuse that write too, and the next run then says "killed".
            try
            {
                store.FinishRun(runId.Value, time.GetUtcNow(), "failed");
            }
            catch (Exception finish) when (finish is not OutOfMemoryException)
            {
                // The first error is the one to report.
            }
            throw;
        }

        var cancelled = stop.IsCancellationRequested;
        if (runId is { } run)
        {
            var failed = reports.Any(r => r.FailedCount > 0 || r.FatalError is not null);
            store.FinishRun(run, time.GetUtcNow(), cancelled ? "interrupted" : failed ? "failed" : "ok");
        }
        return new CrawlReport(reports, cancelled, runId);
    }

    private async Task CrawlSiteAsync(SiteCrawl crawl, DateTimeOffset runStart, CancellationToken stop)
    {
        var report = crawl.Report;
        try
        {
            stop.ThrowIfCancellationRequested();
            if (options.DryRun)
            {
                foreach (var pending in store.PendingFrontier(crawl.Site.Id, int.MaxValue))
                {
                    crawl.Planned.Add(pending.UrlKey);
                }
            }
            else
            {
                store.RequeueFailed(crawl.Site.Id, options.MaxAttempts);
            }

            report.Phase = "discovering";
            if (!await DiscoverAsync(crawl, stop))
            {
                return;
            }
            report.Phase = "fetching";
            if (options.DryRun)
            {
                PlanFrontier(crawl);
            }
            else if (!await FetchFrontierAsync(crawl, stop))
            {
                return;
            }
            report.Phase = "revisiting";
            await RevisitAsync(crawl, runStart, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped between pages; the frontier keeps the rest for the next run.
        }
        finally
        {
            report.Phase = stop.IsCancellationRequested ? "stopped" : "done";
            report.EndedAt = time.GetUtcNow();
            if (!options.DryRun && !stop.IsCancellationRequested)
            {
                AddWarnings(crawl);
            }
        }
    }

    // ---- discovery: feeds, then listing pages, then sitemaps ----

    /// <summary>Returns false when the host cannot be reached: nothing more is tried for the site this run.</summary>
    private async Task<bool> DiscoverAsync(SiteCrawl crawl, CancellationToken stop)
    {
        var site = crawl.Site;
        var report = crawl.Report;
        var start = await FetchConditionalAsync(site.StartUrl);
        if (start.HostUnavailable)
        {
            report.FatalError = start.Error;
            Log(CrawlLogLevel.Warning, site, $"{start.Error}; trying again next run");
            return false;
        }

        var feeds = new List<Uri>(site.Feeds);
        ParsedPage? startPage = null;
        if (start.Outcome == FetchOutcome.Ok)
        {
            startPage = TryParse(crawl, start, null, out _, out var parseError);
            if (startPage is null)
            {
                // Feeds and sitemaps are still read; only the listing walk has no first page.
                Fail(crawl, site.StartUrl, parseError);
            }
            else if (startPage.FeedUrls.Where(f => UrlNormalizer.IsSameSite(f, site.StartUrl) && !feeds.Contains(f)).ToList() is { Count: > 0 } found)
            {
                feeds.AddRange(found);
                if (!options.DryRun)
                {
                    // Remembered, so that a start page answering 304 next time still leads to its feeds.
                    store.UpdateSiteFeeds(site.Id, feeds);
                }
            }
        }
        else if (start.Outcome == FetchOutcome.NotModified)
        {
            report.Unchanged++;
            Log(CrawlLogLevel.Info, site, "start page unchanged since the last run");
        }
        else
        {
            var reason = Reason(start);
            report.AddFailure(site.StartUrl.AbsoluteUri, reason);
            Log(CrawlLogLevel.Warning, site, $"start page failed: {reason}");
        }

        foreach (var feedUrl in feeds)
        {
            stop.ThrowIfCancellationRequested();
            await ReadFeedAsync(crawl, feedUrl);
        }

        if (startPage is not null)
        {
            await WalkListingAsync(crawl, startPage, stop);
            // Recorded only once the walk is done, so a run killed mid-walk does not get a 304 for it next time.
            Record(site, start);
        }

        await ReadSitemapsAsync(crawl, stop);
        return true;
    }

    private async Task ReadFeedAsync(SiteCrawl crawl, Uri feedUrl)
    {
        var site = crawl.Site;
        var feed = await FetchConditionalAsync(feedUrl);
        if (feed.Outcome == FetchOutcome.NotModified)
        {
            crawl.Report.Unchanged++;
            return;
        }
        if (feed.Outcome != FetchOutcome.Ok)
        {
            Log(CrawlLogLevel.Warning, site, $"feed {feedUrl} failed: {Reason(feed)}");
            return;
        }
        var text = feed.DecodeText();
        if (!FeedReader.LooksLikeFeed(text))
        {
            Log(CrawlLogLevel.Warning, site, $"{feedUrl} is not a feed");
            return;
        }
        var items = FeedReader.Read(text, feed.FinalUrl, time.GetUtcNow(), options.SiteZone)
            .Where(i => UrlNormalizer.IsSameSite(i.Url, site.StartUrl) && IsRecentEnough(i.Published))
            .ToList();
        var added = Enqueue(crawl, items.Select(i => (i.Url, "feed", i.Published)));
        crawl.Report.Discovered += added;
        Log(CrawlLogLevel.Info, site, $"feed {feedUrl}: {items.Count} items, {added} new");
        Record(site, feed);
    }

    private async Task WalkListingAsync(SiteCrawl crawl, ParsedPage firstPage, CancellationToken stop)
    {
        var site = crawl.Site;
        var page = firstPage;
        var visited = new HashSet<string> { UrlNormalizer.NormalizeString(site.StartUrl) };
        for (var pageNumber = 1; page is not null && pageNumber <= options.MaxListingPages; pageNumber++)
        {
            var teasers = page.Links.Where(l => l.Kind == LinkKind.Listing).ToList();
            var inSection = teasers.Where(l => l.Url.AbsolutePath.StartsWith(site.StartUrl.AbsolutePath, StringComparison.OrdinalIgnoreCase)
                && l.Url.AbsolutePath.Length > site.StartUrl.AbsolutePath.Length).ToList();
            var candidates = UrlShape.WithoutSectionPrefixes(
                (inSection.Count > 0 ? inSection : teasers)
                    .Where(l => UrlNormalizer.IsSameSite(l.Url, site.StartUrl) && UrlShape.NotArticleReason(l.Url) is null).ToList(),
                l => l.Url);
            var fresh = candidates.Where(l => !store.IsKnown(UrlNormalizer.NormalizeString(l.Url))).ToList();
            var tooOld = candidates.Any(l => !IsRecentEnough(l.Published));
            crawl.Report.Discovered += Enqueue(crawl, fresh.Where(l => IsRecentEnough(l.Published)).Select(l => (l.Url, "listing", l.Published)));
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
            var fetched = await FetchConditionalAsync(next);
            if (fetched.Outcome == FetchOutcome.NotModified)
            {
                crawl.Report.Unchanged++;
                break;
            }
            if (fetched.Outcome != FetchOutcome.Ok)
            {
                break;
            }
            page = TryParse(crawl, fetched, null, out _, out var parseError);
            if (page is null)
            {
                // Not recorded for a conditional GET: the next run fetches and parses it again.
                Fail(crawl, next, parseError);
                break;
            }
            Record(site, fetched);
        }
    }

    private async Task ReadSitemapsAsync(SiteCrawl crawl, CancellationToken stop)
    {
        var site = crawl.Site;
        var robots = await fetcher.GetRobotsAsync(site.StartUrl, CancellationToken.None);
        var queue = new Queue<Uri>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in robots.Sitemaps.Append(new Uri(site.StartUrl, "/sitemap.xml")))
        {
            if (UrlNormalizer.IsSameSite(url, site.StartUrl) && seen.Add(url.AbsoluteUri))
            {
                queue.Enqueue(url);
            }
        }

        var since = SinceInstant();
        for (var read = 0; queue.Count > 0 && read < options.MaxSitemaps; read++)
        {
            stop.ThrowIfCancellationRequested();
            var sitemapUrl = queue.Dequeue();
            var result = await FetchConditionalAsync(sitemapUrl);
            if (result.Outcome == FetchOutcome.NotModified)
            {
                crawl.Report.Unchanged++;
                continue;
            }
            if (result.Outcome != FetchOutcome.Ok)
            {
                if (result.StatusCode != 404)
                {
                    Log(CrawlLogLevel.Info, site, $"sitemap {sitemapUrl}: {Reason(result)}");
                }
                continue;
            }
            var document = SitemapReader.Read(result.Body, result.FinalUrl);
            if (document.Problem is { } problem)
            {
                Log(CrawlLogLevel.Warning, site, $"sitemap {sitemapUrl}: {problem}");
            }
            foreach (var child in document.Sitemaps)
            {
                // An index child whose lastmod is older than --since holds nothing new.
                if (UrlNormalizer.IsSameSite(child.Url, site.StartUrl) && (child.LastModified is null || child.LastModified >= since)
                    && seen.Add(child.Url.AbsoluteUri))
                {
                    queue.Enqueue(child.Url);
                }
            }

            var entries = UrlShape.WithoutSectionPrefixes(
                document.Urls.Where(e => UrlNormalizer.IsSameSite(e.Url, site.StartUrl) && UrlShape.NotArticleReason(e.Url) is null).ToList(),
                e => e.Url);
            var fresh = new List<(Uri, string, DateTimeOffset?)>();
            foreach (var entry in entries)
            {
                var key = UrlNormalizer.NormalizeString(entry.Url);
                if (store.ArticleLastFetched(key) is { } lastFetched)
                {
                    // Known: refetched only when the sitemap says it changed after we last fetched it.
                    if (entry.LastModified > lastFetched)
                    {
                        crawl.ChangedInSitemap.TryAdd(key, entry.Url);
                    }
                    continue;
                }
                // Undated entries cannot be told from the site's whole back catalogue: feeds and listings find new ones.
                var date = entry.NewsPublished ?? entry.LastModified;
                if (date is not null && IsRecentEnough(date))
                {
                    fresh.Add((entry.Url, "sitemap", entry.NewsPublished));
                }
            }
            var added = Enqueue(crawl, fresh);
            crawl.Report.Discovered += added;
            Log(CrawlLogLevel.Info, site, $"sitemap {sitemapUrl}: {document.Urls.Count} URLs, {document.Sitemaps.Count} sitemaps, {added} new");
            Record(site, result);
        }
    }

    // ---- fetching the frontier ----

    private void PlanFrontier(SiteCrawl crawl)
    {
        var budget = options.MaxPages ?? int.MaxValue;
        var planned = crawl.Report.Planned.Select(p => UrlNormalizer.NormalizeString(p.Url)).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in store.PendingFrontier(crawl.Site.Id, int.MaxValue).Where(e => !planned.Contains(e.UrlKey)))
        {
            crawl.Report.AddPlanned(new PlannedFetch(entry.FetchUrl, $"queued ({entry.Source})"));
        }
        if (crawl.Report.Planned.Count > budget)
        {
            crawl.Report.AddWarning($"--max-pages {budget}: only the first {budget} of {crawl.Report.Planned.Count} would be fetched this run");
        }
    }

    /// <summary>Returns false when the host became unreachable.</summary>
    private async Task<bool> FetchFrontierAsync(SiteCrawl crawl, CancellationToken stop)
    {
        var budget = options.MaxPages ?? int.MaxValue;
        while (budget > 0)
        {
            var batch = store.PendingFrontier(crawl.Site.Id, Math.Min(budget, FrontierBatch));
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var entry in batch)
            {
                stop.ThrowIfCancellationRequested();
                if (budget-- <= 0)
                {
                    break;
                }
                if (!await FetchOneAsync(crawl, entry, isShellRetry: false))
                {
                    return false;
                }
            }
        }
        // JavaScript-only shells get one more chance, as late as possible in the run.
        foreach (var entry in crawl.Deferred.ToList())
        {
            stop.ThrowIfCancellationRequested();
            if (!await FetchOneAsync(crawl, entry, isShellRetry: true))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Fetches one queued URL and settles it; returns false when its host cannot be reached.</summary>
    private async Task<bool> FetchOneAsync(SiteCrawl crawl, FrontierEntry entry, bool isShellRetry)
    {
        var site = crawl.Site;
        var report = crawl.Report;
        if (UrlShape.NotArticleReason(entry.FetchUrl) is { } shape)
        {
            store.SettleFrontier(entry.UrlKey, "skipped", shape, null);
            report.Skipped++;
            return true;
        }

        if (store.ArticleLastFetched(entry.UrlKey) is not null)
        {
            // Stored meanwhile under this address, reached through another spelling (an alias with a canonical link).
            store.SettleFrontier(entry.UrlKey, "done", null, null);
            return true;
        }

        // The page in flight is finished even when a stop was requested.
        var result = await fetcher.FetchAsync(entry.FetchUrl, CancellationToken.None);
        if (result.HostUnavailable)
        {
            // Not the page's fault: it stays queued, with no attempt counted, for the next run.
            report.FatalError ??= result.Error;
            Log(CrawlLogLevel.Warning, site, $"{result.Error}; the rest waits for the next run");
            return false;
        }
        report.Fetched++;
        var record = ToRecord(site, result);
        if (result.Outcome != FetchOutcome.Ok)
        {
            var reason = Reason(result);
            switch (result.Outcome)
            {
                case FetchOutcome.Blocked or FetchOutcome.Skipped:
                    // robots.txt forbids it, or it is a PDF, an image...: recorded, skipped, never retried.
                    store.SettleFrontier(entry.UrlKey, "skipped", reason, record);
                    report.Skipped++;
                    Log(CrawlLogLevel.Info, site, $"skipped {entry.FetchUrl}: {reason}");
                    break;
                case FetchOutcome.TooLarge:
                    // It will not shrink by tomorrow: reported once, not retried.
                    store.SettleFrontier(entry.UrlKey, "skipped", reason, record);
                    Fail(crawl, entry.FetchUrl, reason);
                    break;
                default:
                    store.SettleFrontier(entry.UrlKey, "failed", reason, record);
                    Fail(crawl, entry.FetchUrl, reason);
                    break;
            }
            return true;
        }
        if (!IsHtml(result.ContentType))
        {
            store.SettleFrontier(entry.UrlKey, "skipped", $"not HTML ({result.ContentType})", record with { Body = null });
            report.Skipped++;
            return true;
        }

        if (TryParse(crawl, result, entry.FeedPublished, out var html, out var parseError) is not { } page)
        {
            store.SettleFrontier(entry.UrlKey, "failed", parseError, record);
            Fail(crawl, entry.FetchUrl, parseError);
            return true;
        }
        if (page.Unreadable is { } unreadable)
        {
            // Hostile markup does not improve by tomorrow: reported once, not retried.
            store.SettleFrontier(entry.UrlKey, "skipped", unreadable, record with { Body = null });
            Fail(crawl, entry.FetchUrl, unreadable);
            return true;
        }
        if (page.Kind != PageKind.Article)
        {
            if (ShellPageDetector.LooksLikeShell(html, page))
            {
                if (!isShellRetry)
                {
                    // Failed for now (a killed run retries it next time); fetched once more at the end of this site.
                    store.SettleFrontier(entry.UrlKey, "failed", "JavaScript-only page; to be retried", record with { Body = null });
                    crawl.Deferred.Add(entry);
                    Log(CrawlLogLevel.Info, site, $"JavaScript-only page {entry.FetchUrl}; retrying later");
                    return true;
                }
                const string shell = "JavaScript-only page: no article text without running its scripts";
                store.SettleFrontier(entry.UrlKey, "skipped", shell, record with { Body = null });
                Fail(crawl, entry.FetchUrl, shell);
                return true;
            }
            store.SettleFrontier(entry.UrlKey, "skipped", $"not an article ({page.Kind.ToString().ToLowerInvariant()})", record);
            report.Skipped++;
            return true;
        }

        // The page's canonical link names its real address: an alias or a tracking spelling is stored under it, once.
        var key = entry.UrlKey;
        if (page.CanonicalUrl is { } canonical && UrlNormalizer.IsSameSite(canonical, site.StartUrl) && UrlShape.NotArticleReason(canonical) is null
            && UrlNormalizer.NormalizeString(canonical) is var canonicalKey && canonicalKey != key)
        {
            if (store.ArticleLastFetched(canonicalKey) is not null)
            {
                store.SettleFrontier(entry.UrlKey, "skipped", $"duplicate of {canonical}", record with { Body = null });
                report.Skipped++;
                return true;
            }
            key = canonicalKey;
        }
        store.StoreArticle(site.Id, key, page, record);
        if (key != entry.UrlKey)
        {
            store.SettleFrontier(entry.UrlKey, "done", $"stored as {page.CanonicalUrl}", null);
        }
        report.Stored++;
        if (page.Published is null)
        {
            report.Undated++;
        }
        Log(CrawlLogLevel.Info, site, $"stored {entry.FetchUrl}: {page.Title}");

        var related = page.Links
            .Where(l => l.Kind == LinkKind.Related && UrlNormalizer.IsSameSite(l.Url, site.StartUrl) && IsRecentEnough(l.Published))
            .Select(l => (l.Url, "related", (DateTimeOffset?)null));
        report.Discovered += Enqueue(crawl, related);
        return true;
    }

    // ---- revisits ----

    private async Task RevisitAsync(SiteCrawl crawl, DateTimeOffset runStart, CancellationToken stop)
    {
        var site = crawl.Site;
        var report = crawl.Report;
        var targets = new List<(string Key, Uri Url, DateTimeOffset? FeedPublished, string Why)>();
        if (options.RevisitDays > 0)
        {
            targets.AddRange(store.RevisitCandidates(site.Id, runStart.AddDays(-options.RevisitDays), runStart)
                .Select(c => (c.UrlKey, c.FetchUrl, c.FeedPublished, $"revisit (last fetched {c.LastFetched:yyyy-MM-dd})")));
        }
        foreach (var (key, url) in crawl.ChangedInSitemap)
        {
            if (!targets.Any(t => t.Key == key))
            {
                targets.Add((key, url, null, "changed since the last fetch (sitemap lastmod)"));
            }
        }

        foreach (var (key, url, feedPublished, why) in targets)
        {
            if (options.DryRun)
            {
                report.AddPlanned(new PlannedFetch(url, why));
                continue;
            }
            stop.ThrowIfCancellationRequested();
            if (store.ArticleLastFetched(key) is { } last && last >= runStart)
            {
                continue;
            }
            var result = await FetchConditionalAsync(url);
            if (result.HostUnavailable)
            {
                report.FatalError ??= result.Error;
                return;
            }
            report.Fetched++;
            if (result.Outcome == FetchOutcome.NotModified)
            {
                // 304: nothing to parse, nothing to write.
                report.Unchanged++;
                continue;
            }
            if (result.Outcome != FetchOutcome.Ok || !IsHtml(result.ContentType))
            {
                Log(CrawlLogLevel.Info, site, $"revisit of {url} failed: {Reason(result)}");
                continue;
            }
            if (TryParse(crawl, result, feedPublished, out _, out var parseError) is not { } page)
            {
                // The stored reading stays, and no conditional state is kept, so the next revisit parses it again.
                Fail(crawl, url, parseError);
                continue;
            }
            if (page.Kind != PageKind.Article)
            {
                Log(CrawlLogLevel.Info, site, $"revisit of {url}: no longer an article page");
                continue;
            }
            store.StoreArticle(site.Id, key, page, ToRecord(site, result));
            report.Revisited++;
            Log(CrawlLogLevel.Info, site, $"revisited {url}: views {page.Views?.ToString(CultureInfo.InvariantCulture) ?? "-"}, comments {page.Comments?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        }
    }

    // ---- helpers ----

    private void AddWarnings(SiteCrawl crawl)
    {
        var report = crawl.Report;
        if (report.FatalError is not null)
        {
            return;
        }
        if (report.Stored == 0)
        {
            report.AddWarning("no new article");
        }
        var failed = report.FailedCount;
        if (failed >= 3)
        {
            var usual = store.RecentFailureCounts(crawl.Site.Name, 5);
            if (usual.Count > 0 && failed > 2 * usual.Average() + 2)
            {
                report.AddWarning(string.Create(CultureInfo.InvariantCulture, $"{failed} failures, more than usual (about {usual.Average():0.#} a run)"));
            }
            else if (usual.Count == 0 && failed * 2 >= report.Fetched)
            {
                report.AddWarning($"{failed} of {report.Fetched} pages failed");
            }
        }
        if (report.Stored > 0 && report.Undated * 2 >= report.Stored)
        {
            report.AddWarning($"{report.Undated} of {report.Stored} new articles have no publication date");
        }
    }

    /// <summary>Decodes and parses a fetched page. A parser exception fails only that page: null, with the reason.</summary>
    private ParsedPage? TryParse(SiteCrawl crawl, FetchResult result, DateTimeOffset? feedPublished, out string html, out string reason)
    {
        html = "";
        reason = "";
        try
        {
            YoungGarbageBudget.CollectWhenSpent();
            html = result.DecodeText();
            return crawl.Parser.Parse(html, result.FinalUrl, Context(feedPublished));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            reason = "parse error: " + FetchFormat.OneLine(ex.Message);
            return null;
        }
    }

    private void Fail(SiteCrawl crawl, Uri url, string reason)
    {
        crawl.Report.AddFailure(url.AbsoluteUri, reason);
        Log(CrawlLogLevel.Warning, crawl.Site, $"failed {url}: {reason}");
    }

    private async Task<FetchResult> FetchConditionalAsync(Uri url)
    {
        var last = store.LastConditional(url);
        var conditional = last is null ? null : new ConditionalHeaders(last.ETag, last.LastModified);
        return await fetcher.FetchAsync(url, conditional, CancellationToken.None);
    }

    private int Enqueue(SiteCrawl crawl, IEnumerable<(Uri Url, string Source, DateTimeOffset? Published)> links)
    {
        var wanted = links.Where(l => UrlShape.NotArticleReason(l.Url) is null).ToList();
        if (options.DryRun)
        {
            var added = 0;
            foreach (var (url, source, _) in wanted)
            {
                var key = UrlNormalizer.NormalizeString(url);
                if (!store.IsKnown(key) && crawl.Planned.Add(key))
                {
                    crawl.Report.AddPlanned(new PlannedFetch(StripFragment(url), $"new ({source})"));
                    added++;
                }
            }
            return added;
        }
        var entries = wanted.Select(l => new FrontierEntry(UrlNormalizer.NormalizeString(l.Url), StripFragment(l.Url), crawl.Site.Id, l.Source,
            l.Source is "feed" or "sitemap" ? l.Published : null));
        return store.Enqueue(entries, time.GetUtcNow());
    }

    private static Uri StripFragment(Uri url) => url.Fragment.Length == 0 ? url : new UriBuilder(url) { Fragment = "" }.Uri;

    private static bool IsHtml(string? contentType) => contentType is null || contentType.Contains("html", StringComparison.OrdinalIgnoreCase);

    private static string Reason(FetchResult result) => result.Error ?? $"HTTP {result.StatusCode}";

    private DateTimeOffset SinceInstant() =>
        new(options.Since.ToDateTime(TimeOnly.MinValue), options.SiteZone.GetUtcOffset(options.Since.ToDateTime(TimeOnly.MinValue)));

    private bool IsRecentEnough(DateTimeOffset? published) =>
        published is not { } p || DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(p, options.SiteZone).DateTime) >= options.Since;

    private ParseContext Context(DateTimeOffset? feedPublished) => new(time.GetUtcNow(), options.SiteZone, feedPublished);

    private void Record(Site site, FetchResult result)
    {
        if (!options.DryRun)
        {
            store.RecordFetch(ToRecord(site, result) with { Body = null });
        }
    }

    private void Log(CrawlLogLevel level, Site site, string message) => log?.Invoke(level, $"{site.Name}: {message}");

    private string DescribeOptions() => string.Create(CultureInfo.InvariantCulture,
        $"since={options.Since:yyyy-MM-dd} max-pages={options.MaxPages?.ToString(CultureInfo.InvariantCulture) ?? "none"} concurrency={options.Concurrency} revisit-days={options.RevisitDays}");

    private static FetchRecord ToRecord(Site site, FetchResult result) => new(
        site.Id, result.RequestedUrl, result.FinalUrl, result.FetchedAt, result.StatusCode, result.Outcome.ToString().ToLowerInvariant(),
        result.Error, result.ContentTypeHeader ?? result.ContentType, result.Body, result.ETag, result.LastModified);
}
