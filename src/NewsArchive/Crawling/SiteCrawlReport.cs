namespace NewsArchive.Crawling;

/// <summary>What one run did on one site.</summary>
public sealed class SiteCrawlReport(string site)
{
    public string Site { get; } = site;
    public int Discovered { get; set; }
    public int Fetched { get; set; }
    public int Stored { get; set; }
    public int Skipped { get; set; }
    public List<(string Url, string Reason)> Failures { get; } = [];
    public string? FatalError { get; set; }
}
