namespace NewsArchive.Storage;

/// <summary>A page in the link graph; <see cref="ArticleId"/> is null when only linked to, not stored.</summary>
public sealed record GraphNode(string Key, string Url, long? ArticleId, string? Title, string? Site, DateTimeOffset? Published);
