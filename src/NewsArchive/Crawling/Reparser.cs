using NewsArchive.Fetching;
using NewsArchive.Parsing;
using NewsArchive.Storage;

namespace NewsArchive.Crawling;

/// <summary>
/// Runs the current parser over the source bytes the archive kept and writes what it reads (titles, bodies, dates,
/// authors, links; the search index follows), one transaction per article, so a stop leaves every article either
/// re-read or as it was. The parser sees each page as it did on its fetch: the same bytes decoded the same way, the
/// final URL, the fetch time for relative dates, the feed's date, the site's zone. No fetch, counter reading or
/// version is added: a parser's change is not the site's edit. The caller holds the <see cref="ArchiveLock"/>.
/// </summary>
/// <param name="progress">Called after each batch with the report so far, for a progress display.</param>
public sealed class Reparser(ArchiveStore store, ReparseOptions options, Action<CrawlLogLevel, string>? log = null, Action<ReparseReport>? progress = null)
{
    public ReparseReport Run(ArticleQuery filter, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var report = new ReparseReport(options.DryRun);
        // Not thread-safe, like the crawler's: one parser for the whole run.
        var parser = new ArticleParser();
        var after = 0L;
        while (true)
        {
            // Articles are read a batch at a time, in id order: memory stays flat whatever the archive's size.
            var batch = store.ReadArticleSources(filter, after, Math.Max(1, options.BatchSize));
            if (batch.Count == 0)
            {
                return report;
            }
            foreach (var source in batch)
            {
                if (stop.IsCancellationRequested)
                {
                    report.Cancelled = true;
                    return report;
                }
                Reparse(parser, source, report);
                after = source.ArticleId;
            }
            progress?.Invoke(report);
        }
    }

    private void Reparse(ArticleParser parser, ArticleSource source, ReparseReport report)
    {
        if (source.Compressed is null)
        {
            report.AddWithoutSource();
            return;
        }
        ParsedPage page;
        try
        {
            var html = CharsetDecoder.Decode(SourceCompression.Decompress(source.Compressed), source.ContentType);
            page = parser.Parse(html, source.Url, new ParseContext(source.FetchedAt, options.SiteZone, source.FeedPublished));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail(report, source, $"parse error: {ex.Message}");
            return;
        }
        if (page.Kind != PageKind.Article || page.Body.Length == 0)
        {
            // The stored reading is kept: a page the parser no longer recognises is a parser question, not a reason to lose text.
            Fail(report, source, $"the current parser reads no article on this page ({page.Kind.ToString().ToLowerInvariant()}); kept as stored");
            return;
        }
        var change = store.ApplyReparse(source.ArticleId, page, options.DryRun);
        report.AddReparsed(change);
        if (change != ReparseChange.None)
        {
            log?.Invoke(CrawlLogLevel.Info, $"{(options.DryRun ? "would change" : "changed")} {source.ArticleId} ({Describe(change)}): {source.Url}");
        }
    }

    private void Fail(ReparseReport report, ArticleSource source, string reason)
    {
        report.AddFailure(new ReparseFailure(source.ArticleId, source.Url, reason));
        log?.Invoke(CrawlLogLevel.Warning, $"failed {source.ArticleId} {source.Url}: {reason}");
    }

    /// <summary>"title, body, links": the parts of an article a reparse changed.</summary>
    public static string Describe(ReparseChange change) =>
        string.Join(", ", Enum.GetValues<ReparseChange>().Where(c => c != ReparseChange.None && change.HasFlag(c)).Select(c => c.ToString().ToLowerInvariant()));
}
