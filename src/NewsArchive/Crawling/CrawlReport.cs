namespace NewsArchive.Crawling;

public sealed record CrawlReport(IReadOnlyList<SiteCrawlReport> Sites, bool Cancelled)
{
    public int Stored => Sites.Sum(s => s.Stored);
    public int Failed => Sites.Sum(s => s.Failures.Count + (s.FatalError is null ? 0 : 1));
}
