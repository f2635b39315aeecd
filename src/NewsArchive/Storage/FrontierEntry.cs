namespace NewsArchive.Storage;

/// <summary>A URL waiting to be fetched. <see cref="UrlKey"/> is the normalised form used for de-duplication.</summary>
public sealed record FrontierEntry(
    string UrlKey,
    Uri FetchUrl,
    long SiteId,
    string Source,
    DateTimeOffset? FeedPublished,
    int Attempts = 0);
