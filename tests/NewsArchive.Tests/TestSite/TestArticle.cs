namespace NewsArchive.Tests.TestSite;

/// <summary>
/// One article of the test site, as data. The site renders its pages from these records, and tests
/// assert against the same records.
/// </summary>
public sealed record TestArticle
{
    /// <summary>Site-relative path, always starting and ending with <c>/</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Bitrix element id (also used in element ids and the image path).</summary>
    public required int Id { get; init; }

    /// <summary>Section name shown as the last breadcrumb, e.g. <c>Рынок</c>.</summary>
    public required string Section { get; init; }

    public required string Title { get; init; }

    /// <summary>Publication instant, always with a +03:00 offset.</summary>
    public required DateTimeOffset Published { get; init; }

    /// <summary>
    /// Last edit, if any: rendered as <c>article:modified_time</c> and used as <c>Last-Modified</c>
    /// (otherwise <see cref="Published"/> is).
    /// </summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>How the visible date line is written; see <see cref="VisibleDate"/>.</summary>
    public required TestDateStyle DateStyle { get; init; }

    /// <summary>Whether the head carries <c>&lt;meta property="article:published_time"&gt;</c>.</summary>
    public required bool HasPublishedTimeMeta { get; init; }

    /// <summary>The lead, rendered in bold above the body; also the listing teaser and feed description.</summary>
    public required string Lead { get; init; }

    /// <summary>Body paragraphs as plain text (exactly the text content of each rendered paragraph).</summary>
    public required IReadOnlyList<string> BodyParagraphs { get; init; }

    public TestBodyLayout BodyLayout { get; init; } = TestBodyLayout.Paragraphs;

    /// <summary>Links inside body paragraphs.</summary>
    public IReadOnlyList<TestBodyLink> BodyLinks { get; init; } = [];

    public required string Author { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Caption under the article picture.</summary>
    public required string ImageCaption { get; init; }

    /// <summary>Views counter, shown as a bare number under the body.</summary>
    public required int Views { get; init; }

    /// <summary>Comments counter, shown as a bare number; that many comments are rendered below the body.</summary>
    public required int Comments { get; init; }

    /// <summary>Paths of other articles listed under "Новости по теме:" (in this order).</summary>
    public IReadOnlyList<string> RelatedPaths { get; init; } = [];

    /// <summary><c>utf-8</c> or <c>windows-1251</c>.</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>Exactly the text of <c>span.news-date-time</c> on the article page.</summary>
    public string VisibleDate => TestSiteDates.Visible(Published, DateStyle, TestSiteCatalog.ReferenceNow);

    /// <summary>
    /// Whether listing pages, the home page and sidebars show the article. An unlisted article is found only through
    /// the feeds and sitemaps (and through related links that name it).
    /// </summary>
    public bool Listed { get; init; } = true;

    /// <summary>How the server answers requests for the article page (crawler scenarios: 429, 503, resets, shells...).</summary>
    public TestResponseBehavior Behavior { get; init; } = TestResponseBehavior.Normal;

    /// <summary>Path of the article picture (served as a 1×1 PNG).</summary>
    public string ImagePath => $"/upload/iblock/{Id % 1000:D3}/{Id}.png";
}
