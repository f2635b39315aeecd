namespace NewsArchive.Parsing;

/// <summary>What the parser needs besides the page: the fetch time for relative dates, the site's zone, a feed's date.</summary>
public sealed record ParseContext(DateTimeOffset Now, TimeZoneInfo SiteZone, DateTimeOffset? FeedPublished = null);
