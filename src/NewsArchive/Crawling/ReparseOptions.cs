namespace NewsArchive.Crawling;

public sealed record ReparseOptions
{
    /// <summary>Dates printed without a zone are read in this zone, as the crawler reads them (<see cref="CrawlOptions.SiteZone"/>).</summary>
    public TimeZoneInfo SiteZone { get; init; } = Parsing.SiteTimeZones.Default;
    /// <summary>Parse and compare, report what would change, write nothing.</summary>
    public bool DryRun { get; init; }
    /// <summary>Articles read from the archive at a time; their compressed sources are what a batch holds in memory.</summary>
    public int BatchSize { get; init; } = 100;
}
