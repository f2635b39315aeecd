namespace NewsArchive.Storage;

public sealed record ConditionalState(string? ETag, DateTimeOffset? LastModified);
