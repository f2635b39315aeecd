using NewsArchive.Parsing;

namespace NewsArchive.Storage;

/// <summary>
/// What the store writes beside a parsed article, worked out before the write lock (on the caller's thread, or on
/// every core for a batch) so the transaction holds only database work: the stems of the full-text index, the SimHash,
/// the body hash, the canonical key, the authors and the link rows as JSON, and the compressed source.
/// The update trigger computes the same columns with the same code (<see cref="ArchiveFunctions"/>).
/// </summary>
internal sealed class PreparedArticle
{
    /// <summary>The article's URL as stored: the page's canonical URL, else where the fetch ended.</summary>
    public required string Url { get; init; }

    public required string TitleStems { get; init; }

    public required string BodyStems { get; init; }

    public required long? SimHash { get; init; }

    public required long? BodyHash { get; init; }

    /// <summary>The canonical URL's key where it differs from the article's own (a copy naming its original).</summary>
    public required string? CanonicalKey { get; init; }

    public required string AuthorsJson { get; init; }

    /// <summary>The link rows (<see cref="ArchiveStore.LinkRows"/>) as <see cref="LinkRowsJson"/>; null when there are none.</summary>
    public required string? LinksJson { get; init; }

    public required SourceBytes? Source { get; init; }

    public static PreparedArticle Of(string urlKey, ParsedPage page, FetchRecord fetch, WordStemmerPool stemmers)
    {
        var url = (page.CanonicalUrl ?? fetch.FinalUrl ?? fetch.Url).AbsoluteUri;
        var title = string.IsNullOrEmpty(page.Title) ? null : FoldedText.Of(page.Title);
        var body = string.IsNullOrEmpty(page.Body) ? null : FoldedText.Of(page.Body);
        var stemmer = stemmers.Rent();
        try
        {
            return new PreparedArticle
            {
                Url = url,
                TitleStems = title is null ? "" : stemmer.StemWords(title),
                BodyStems = body is null ? "" : stemmer.StemWords(body),
                SimHash = body is null ? null : Storage.SimHash.Compute(body),
                BodyHash = body is null ? null : Storage.BodyHash.Compute(body),
                CanonicalKey = ArchiveFunctions.CanonicalKey(url) is { } key && key != urlKey ? key : null,
                AuthorsJson = ArchiveStore.AuthorsJson(page),
                LinksJson = LinkRowsJson.Write([.. ArchiveStore.LinkRows(urlKey, page.Links)]),
                Source = SourceBytes.Of(fetch),
            };
        }
        finally
        {
            stemmers.Return(stemmer);
        }
    }
}
