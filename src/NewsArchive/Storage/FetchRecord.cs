namespace NewsArchive.Storage;

/// <summary>What one HTTP fetch returned, as the fetch history keeps it.</summary>
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
