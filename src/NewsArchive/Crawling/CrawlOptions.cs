namespace NewsArchive.Crawling;

public sealed record CrawlOptions
{
    /// <summary>Discovery does not go back before this day.</summary>
    public required DateOnly Since { get; init; }
    /// <summary>At most this many article pages fetched per site in one run; null for no limit.</summary>
    public int? MaxPages { get; init; }
    /// <summary>Listing pages followed per site before discovery stops.</summary>
    public int MaxListingPages { get; init; } = 50;
    /// <summary>A failed page is retried on later runs until it has failed this many times.</summary>
    public int MaxAttempts { get; init; } = 3;
    public TimeZoneInfo SiteZone { get; init; } = Parsing.SiteTimeZones.Default;
}
