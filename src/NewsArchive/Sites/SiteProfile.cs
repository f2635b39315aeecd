namespace NewsArchive.Sites;

/// <summary>
/// A site's own CSS selectors for the fields the generic extractor may get wrong. Every field is optional: a field
/// left out, or whose selector matches nothing on a page, falls back to the generic extractor.
/// </summary>
public sealed record SiteProfile
{
    public string? Title { get; init; }
    public ProfileDate? Date { get; init; }
    public ProfileDate? Modified { get; init; }
    /// <summary>The element(s) holding the article text; several matches are read in page order.</summary>
    public string? Body { get; init; }
    /// <summary>Blocks removed before anything else is read from the body: banners, share bars, "read also" boxes.</summary>
    public IReadOnlyList<string> Drop { get; init; } = [];
    public ProfileLinkList? Related { get; init; }
    /// <summary>Other link lists (site-wide "Новости за сегодня", tag clouds) with the kind each is stored as.</summary>
    public IReadOnlyList<ProfileLinkList> Lists { get; init; } = [];
    public string? Authors { get; init; }
    /// <summary>Tag or rubric links (or elements holding them).</summary>
    public string? Tags { get; init; }
    public string? Views { get; init; }
    public string? Comments { get; init; }
    /// <summary>On listing pages: the links to articles.</summary>
    public string? ListingItems { get; init; }
    /// <summary>On listing pages: the link to the next page.</summary>
    public string? NextPage { get; init; }
}
