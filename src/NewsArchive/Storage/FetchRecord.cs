namespace NewsArchive.Storage;

/// <summary>
/// What one HTTP fetch returned, as the fetch history keeps it. <see cref="ContentType"/> is the header as sent, its
/// charset included, so that stored source bytes decode again exactly as they did when fetched (see reparse).
/// </summary>
public sealed record FetchRecord(
    long? SiteId,
    Uri Url,
    Uri? FinalUrl,
    DateTimeOffset FetchedAt,
    int Status,
    string Outcome,
    string? Error,
    string? ContentType,
    byte[]? Body,
    string? ETag,
    DateTimeOffset? LastModified);
