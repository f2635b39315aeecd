namespace NewsArchive.Crawling;

public sealed record CrawlOptions
{
    /// <summary>Discovery does not go back before this day.</summary>
    public required DateOnly Since { get; init; }
    /// <summary>At most this many new article pages fetched per site in one run; null for no limit.</summary>
    public int? MaxPages { get; init; }
    /// <summary>Listing pages followed per site before discovery stops.</summary>
    public int MaxListingPages { get; init; } = 50;
    /// <summary>Sitemap files (indexes and their children) read per site in one run.</summary>
    public int MaxSitemaps { get; init; } = 20;
    /// <summary>A failed page is retried on later runs until it has failed this many times.</summary>
    public int MaxAttempts { get; init; } = 3;
    /// <summary>Sites crawled at the same time (one request at a time per host whatever this says).</summary>
    public int Concurrency { get; init; } = 4;
    /// <summary>Stored articles younger than this many days are fetched again each run for their counters and edits; 0 turns revisits off.</summary>
    public int RevisitDays { get; init; } = 7;
    /// <summary>Discover and list what would be fetched; write nothing and fetch no article.</summary>
    public bool DryRun { get; init; }
    public TimeZoneInfo SiteZone { get; init; } = Parsing.SiteTimeZones.Default;
}
