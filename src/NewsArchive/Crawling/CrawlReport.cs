namespace NewsArchive.Crawling;

/// <summary>What a whole run did; <see cref="RunId"/> is its row in the runs history (null for a dry run).</summary>
public sealed record CrawlReport(IReadOnlyList<SiteCrawlReport> Sites, bool Cancelled, long? RunId)
{
    public int Stored => Sites.Sum(s => s.Stored);
    public int Failed => Sites.Sum(s => s.FailedCount + (s.FatalError is null ? 0 : 1));
}
