namespace NewsArchive.Parsing;

/// <summary>
/// What the parser needs besides the page: the fetch time for relative dates, the site's zone, a feed's date.
/// A page on a country domain (.de, .com.ar) reads its dates in that country's zone instead of
/// <see cref="SiteZone"/> unless <see cref="ZoneFromDomain"/> is turned off.
/// </summary>
public sealed record ParseContext(DateTimeOffset Now, TimeZoneInfo SiteZone, DateTimeOffset? FeedPublished = null)
{
    public bool ZoneFromDomain { get; init; } = true;
}
