namespace NewsArchive.Storage;

/// <summary>One edge seen from an article: <see cref="Url"/> is the other end.</summary>
public sealed record StoredLink(
    string Url,
    string Kind,
    LinkDirection Direction,
    string? Title,
    DateTimeOffset? Published,
    string? Heading,
    long? ArticleId);
