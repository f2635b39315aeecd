namespace NewsArchive.Storage;

public sealed record StoredArticle(
    long Id,
    string Url,
    string? Site,
    string? Title,
    string? Lead,
    DateTimeOffset? Published,
    string? PublishedSource,
    DateTimeOffset? Modified,
    IReadOnlyList<string> Authors,
    int? Views,
    int? Comments,
    string? Body,
    DateTimeOffset FirstStored,
    DateTimeOffset LastFetched,
    string? Snippet = null,
    long? Inlinks = null,
    string? BodyHtml = null);
