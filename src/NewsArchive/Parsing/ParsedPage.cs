namespace NewsArchive.Parsing;

/// <summary>Everything the parser tells apart on one page: the article, its link lists and discovery hints.</summary>
public sealed record ParsedPage
{
    public required Uri Url { get; init; }
    public Uri? CanonicalUrl { get; init; }
    public PageKind Kind { get; init; }
    public string? Title { get; init; }
    public string? Lead { get; init; }
    public string Body { get; init; } = "";
    /// <summary>The same body as sanitised HTML: headings, paragraphs, lists, tables, quotes, links and captioned images.</summary>
    public string BodyHtml { get; init; } = "";
    public DateTimeOffset? Published { get; init; }
    public DateSource PublishedSource { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public int? Views { get; init; }
    public int? Comments { get; init; }
    public IReadOnlyList<PageLink> Links { get; init; } = [];
    public IReadOnlyList<Uri> FeedUrls { get; init; } = [];
    public IReadOnlyList<Uri> NextPageUrls { get; init; } = [];

    /// <summary>Why the page was refused without being parsed (hostile markup); null when it was parsed.</summary>
    public string? Unreadable { get; init; }

    /// <summary>The fields a site profile supplied (title, date, body...); the others are the generic extractor's.</summary>
    public IReadOnlyList<string> ProfileFields { get; init; } = [];
}
