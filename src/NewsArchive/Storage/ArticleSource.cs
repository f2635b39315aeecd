namespace NewsArchive.Storage;

/// <summary>
/// What a stored article was last parsed from: its source bytes (Brotli, see <see cref="SourceCompression"/>; null when
/// none were kept), the URL they came from, when they were fetched and the Content-Type they came with, and the feed's
/// date for the URL. With these the parser sees what it saw on the fetch.
/// </summary>
public sealed record ArticleSource(
    long ArticleId,
    string UrlKey,
    Uri Url,
    DateTimeOffset FetchedAt,
    DateTimeOffset? FeedPublished,
    string? ContentType,
    byte[]? Compressed);
