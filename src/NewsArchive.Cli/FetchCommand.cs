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
        var delay = new Option<double>("--delay") { Description = "Seconds between requests to one host", DefaultValueFactory = _ => 1.0, HelpName = "SECONDS" };
        var maxPages = new Option<int?>("--max-pages") { Description = "At most N article pages per site in this run", HelpName = "N" };
        var command = new Command("fetch", "Run discovery and fetch new articles of the configured sites") { urls, sites, since, delay, maxPages };

        command.SetAction(async (result, _) =>
        {
            var delaySeconds = result.GetValue(delay);
            if (delaySeconds is < 0 or > 3600 || double.IsNaN(delaySeconds))
            {
                throw new UsageException($"--delay must be between 0 and 3600 seconds, not {delaySeconds.ToString(CultureInfo.InvariantCulture)}");
            }
            var max = result.GetValue(maxPages);
            if (max is < 1)
            {
                throw new UsageException($"--max-pages must be a positive number, not {max}");
            }
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(context.Time.GetUtcNow(), Parsing.SiteTimeZones.Default).DateTime);
            var sinceDate = CommonOptions.ParseDate(result.GetValue(since), "--since") ?? today.AddDays(-30);

            var dbPath = CommonOptions.ResolveDbPath(result, context);
            using var runLock = ArchiveLock.Acquire(dbPath);
            using var store = ArchiveStore.Open(dbPath);

            var targets = SelectSites(store, result.GetValue(urls) ?? [], result.GetValue(sites) ?? [], context);
            var fetchOptions = new FetchOptions { DelayPerHost = TimeSpan.FromSeconds(delaySeconds) };
            using var http = FetchHttpClientBuilder.Create(fetchOptions);
            var fetcher = new PageFetcher(http, fetchOptions, context.Time);
            var crawlOptions = new CrawlOptions { Since = sinceDate, MaxPages = max };
            var progress = context.IsTerminal ? (Action<string>)(line => context.Error.WriteLine(line)) : null;
            var crawler = new Crawler(store, fetcher, context.Time, crawlOptions, progress);

            var report = await crawler.RunAsync(targets, context.Stop);
            foreach (var site in report.Sites)
            {
                context.Out.WriteLine($"{site.Site}: {site.Stored} stored, {site.Failures.Count} failed, {site.Skipped} skipped, {site.Discovered} new URLs found, {store.PendingCount()} waiting");
                foreach (var (url, reason) in site.Failures.Take(20))
                {
                    context.Out.WriteLine($"  failed {url}: {reason}");
                }
                if (site.Failures.Count > 20)
                {
                    context.Out.WriteLine($"  … and {site.Failures.Count - 20} more failures");
                }
            }
            if (report.Cancelled)
            {
                context.Error.WriteLine("newsarchive: interrupted; the next fetch resumes where this one stopped");
                return ExitCodes.Interrupted;
            }
            return report.Failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static IReadOnlyList<Site> SelectSites(ArchiveStore store, string[] urls, string[] names, CliContext context)
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
            var site = store.FindSiteByStartUrl(url) ?? SitesCommand.AddSite(store, text, null, [], context.Time.GetUtcNow());
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
