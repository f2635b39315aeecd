namespace NewsArchive.Parsing;

internal sealed record PageMetadata(
    string? Title,
    string? Description,
    IReadOnlyList<string> Authors,
    Uri? CanonicalUrl,
    IReadOnlyList<Uri> FeedUrls,
    bool DeclaresArticle);
