using System.CommandLine;
using System.Globalization;
using NewsArchive.Crawling;
using NewsArchive.Fetching;
using NewsArchive.Sites;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

public static class FetchCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Argument<string[]>("URL") { Description = "Start URLs to add as sites and fetch now", Arity = ArgumentArity.ZeroOrMore };
        var sites = CommonOptions.Sites();
        var since = new Option<string?>("--since") { Description = "How far back discovery goes (default: 30 days ago)", HelpName = "DATE" };
        var delay = new Option<double>("--delay") { Description = "Seconds between requests to one host (robots.txt Crawl-delay may raise it)", DefaultValueFactory = _ => 1.0, HelpName = "SECONDS" };
        var maxPages = new Option<int?>("--max-pages") { Description = "At most N new article pages per site in this run", HelpName = "N" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds one request may take, to the end of its body", DefaultValueFactory = _ => 30.0, HelpName = "SECONDS" };
        var concurrency = new Option<int>("--concurrency") { Description = "Sites fetched at the same time; one request at a time per host", DefaultValueFactory = _ => 4, HelpName = "N" };
        var revisitDays = new Option<int>("--revisit-days") { Description = "Refetch stored articles younger than N days for their counters and edits (0: never)", DefaultValueFactory = _ => 7, HelpName = "N" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Discover and print what would be fetched; fetch no article and change nothing" };
        var logFile = new Option<string?>("--log-file") { Description = "Append every log line, timestamped, to this file", HelpName = "PATH" };
        var command = new Command("fetch", "Run discovery and fetch new articles of the configured sites")
        {
            urls, sites, since, delay, timeout, maxPages, concurrency, revisitDays, dryRun, logFile,
        };

        command.SetAction(async (result, _) =>
        {
            var delaySeconds = result.GetValue(delay);
            if (delaySeconds is < 0 or > 3600 || double.IsNaN(delaySeconds))
            {
                throw new UsageException($"--delay must be between 0 and 3600 seconds, not {delaySeconds.ToString(CultureInfo.InvariantCulture)}");
            }
            var timeoutSeconds = result.GetValue(timeout);
            if (timeoutSeconds is < 1 or > 600 || double.IsNaN(timeoutSeconds))
            {
                throw new UsageException($"--timeout must be between 1 and 600 seconds, not {timeoutSeconds.ToString(CultureInfo.InvariantCulture)}");
            }
            var max = result.GetValue(maxPages);
            if (max is < 1)
            {
                throw new UsageException($"--max-pages must be a positive number, not {max}");
            }
            var parallel = result.GetValue(concurrency);
            if (parallel is < 1 or > 64)
            {
                throw new UsageException($"--concurrency must be between 1 and 64, not {parallel}");
            }
            var revisit = result.GetValue(revisitDays);
            if (revisit is < 0 or > 365)
            {
                throw new UsageException($"--revisit-days must be between 0 and 365, not {revisit}");
            }
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Time.GetUtcNow(), Parsing.SiteTimeZones.Default).DateTime);
            var sinceDate = CommonOptions.ParseDate(result.GetValue(since), "--since") ?? today.AddDays(-30);
            var dry = result.GetValue(dryRun);
            var crawlOptions = new CrawlOptions { Since = sinceDate, MaxPages = max, Concurrency = parallel, RevisitDays = revisit, DryRun = dry };
            var fetchOptions = new FetchOptions
            {
                DelayPerHost = TimeSpan.FromSeconds(delaySeconds),
                Timeout = TimeSpan.FromSeconds(timeoutSeconds),
                AcceptedMediaTypes = FetchOptions.CrawlableMediaTypes,
            };

            var dbPath = CommonOptions.ResolveDbPath(result, context);
            if (dry)
            {
                return await DryRunAsync(context, dbPath, result.GetValue(urls) ?? [], result.GetValue(sites) ?? [], fetchOptions, crawlOptions);
            }

            using var log = new FetchLog(context.Error, context.Time, result.GetValue(logFile));
            using var runLock = ArchiveLock.Acquire(dbPath);
            using var store = ArchiveStore.Open(dbPath, maxPages: CommonOptions.MaxPages(context));
            var targets = SelectSites(store, result.GetValue(urls) ?? [], result.GetValue(sites) ?? [], context, persist: true);
            using var http = FetchHttpClientBuilder.Create(fetchOptions);
            var fetcher = new PageFetcher(http, fetchOptions, context.Time);
            var crawler = new Crawler(store, fetcher, context.Time, crawlOptions, log.Write);

            CrawlReport report;
            using (var progress = context.IsTerminal ? new FetchProgress(context.Error, context.Time, () => crawler.Live) : null)
            {
                log.Progress = progress;
                try
                {
                    report = await crawler.RunAsync(targets, context.Stop);
                }
                finally
                {
                    log.Progress = null;
                }
            }

            WriteSummary(context, store, report, log);
            if (report.Cancelled)
            {
                context.Error.WriteLine("newsarchive: interrupted; the next fetch resumes where this one stopped");
                return ExitCodes.Interrupted;
            }
            return report.Failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteSummary(CliContext context, ArchiveStore store, CrawlReport report, FetchLog log)
    {
        var sites = store.ListSites().ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        var lines = new List<string>();
        foreach (var site in report.Sites)
        {
            var waiting = sites.TryGetValue(site.Site, out var known) ? store.PendingCount(known.Id) : 0;
            var failed = site.FailedCount + (site.FatalError is null ? 0 : 1);
            lines.Add($"{site.Site}: {site.Stored} stored, {failed} failed, {site.Skipped} skipped, {site.Discovered} new URLs found, "
                + $"{site.Revisited} revisited, {site.Unchanged} unchanged, {waiting} waiting");
            if (site.FatalError is { } fatal)
            {
                lines.Add($"  error: {fatal}");
            }
            var failures = site.Failures;
            foreach (var (url, reason) in failures.Take(20))
            {
                lines.Add($"  failed {url}: {reason}");
            }
            if (failures.Count > 20)
            {
                lines.Add($"  … and {failures.Count - 20} more failures (see 'newsarchive runs show {report.RunId}')");
            }
            foreach (var warning in site.Warnings)
            {
                lines.Add($"  warning: {warning}");
            }
        }
        var started = report.Sites.Count == 0 ? context.Time.GetUtcNow() : report.Sites.Min(s => s.StartedAt);
        var elapsed = context.Time.GetUtcNow() - started;
        lines.Add($"total: {report.Stored} stored, {report.Failed} failed, {report.Sites.Sum(s => s.Skipped)} skipped, "
            + $"{report.Sites.Sum(s => s.Discovered)} new URLs found, {report.Sites.Sum(s => s.Revisited)} revisited, "
            + $"{report.Sites.Sum(s => s.Fetched)} pages fetched in {RunsCommand.FormatDuration(elapsed)} (run {report.RunId})");
        foreach (var line in lines)
        {
            context.Out.WriteLine(line);
            log.FileOnly(line);
        }
    }

    private static async Task<int> DryRunAsync(CliContext context, string dbPath, string[] urls, string[] names, FetchOptions fetchOptions, CrawlOptions crawlOptions)
    {
        // Nothing is written: an existing archive is opened read-only; without one, a throwaway empty one stands in.
        string? scratch = null;
        if (!File.Exists(dbPath))
        {
            scratch = Path.Combine(Path.GetTempPath(), "newsarchive-dry-run-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(scratch);
            ArchiveStore.Open(Path.Combine(scratch, "empty.db")).Dispose();
        }
        try
        {
            using var store = ArchiveStore.Open(scratch is null ? dbPath : Path.Combine(scratch, "empty.db"), readOnly: true);
            var targets = SelectSites(store, urls, names, context, persist: false);
            using var http = FetchHttpClientBuilder.Create(fetchOptions);
            var fetcher = new PageFetcher(http, fetchOptions, context.Time);
            var crawler = new Crawler(store, fetcher, context.Time, crawlOptions, (level, message) =>
            {
                if (level == CrawlLogLevel.Warning)
                {
                    context.Error.WriteLine(message);
                }
            });
            var report = await crawler.RunAsync(targets, context.Stop);
            foreach (var site in report.Sites)
            {
                var planned = site.Planned;
                foreach (var item in planned)
                {
                    context.Out.WriteLine($"{site.Site}\t{item.Url.AbsoluteUri}\t{item.Reason}");
                }
                var budget = crawlOptions.MaxPages ?? int.MaxValue;
                var articles = planned.Count(p => !p.Reason.StartsWith("revisit", StringComparison.Ordinal) && !p.Reason.StartsWith("changed", StringComparison.Ordinal));
                context.Error.WriteLine($"{site.Site}: would fetch {Math.Min(articles, budget)} new article pages and {planned.Count - articles} revisits"
                    + (site.FatalError is { } fatal ? $" (error: {fatal})" : ""));
            }
            context.Error.WriteLine("dry run: nothing was fetched beyond discovery and nothing was written");
            return report.Cancelled ? ExitCodes.Interrupted : ExitCodes.Ok;
        }
        finally
        {
            if (scratch is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(scratch, recursive: true);
                }
                catch (IOException)
                {
                    // A leftover empty scratch archive in the temp directory is harmless.
                }
            }
        }
    }

    private static IReadOnlyList<Site> SelectSites(ArchiveStore store, string[] urls, string[] names, CliContext context, bool persist)
    {
        var selected = new List<Site>();
        // Every argument is checked before any site is added, so a typo changes nothing.
        foreach (var text in urls)
        {
            if (!SiteNames.TryParseStartUrl(text, out _, out var error))
            {
                throw new UsageException(error);
            }
        }
        foreach (var name in names)
        {
            _ = store.FindSite(name) ?? throw new UsageException($"no site named '{name}' (see 'newsarchive sites list')");
        }
        foreach (var text in urls)
        {
            SiteNames.TryParseStartUrl(text, out var url, out _);
            var site = store.FindSiteByStartUrl(url)
                ?? (persist ? SitesCommand.AddSite(store, text, null, [], context.Time.GetUtcNow()) : new Site(0, SiteNames.FromUrl(url), url, [], context.Time.GetUtcNow()));
            if (!selected.Contains(site))
            {
                selected.Add(site);
            }
        }
        foreach (var name in names)
        {
            var site = store.FindSite(name) ?? throw new UsageException($"no site named '{name}' (see 'newsarchive sites list')");
            if (!selected.Any(s => s.Id == site.Id))
            {
                selected.Add(site);
            }
        }
        if (urls.Length == 0 && names.Length == 0)
        {
            selected.AddRange(store.ListSites());
        }
        if (selected.Count == 0)
        {
            throw new UsageException("no sites to fetch: add one with 'newsarchive sites add URL' or pass a URL to fetch");
        }
        return selected;
    }
}
