namespace NewsArchive.Tests.TestSite;

/// <summary>The site's state at one moment: what a page is rendered from.</summary>
internal sealed class TestSiteSnapshot
{
    private readonly Dictionary<string, TestArticle> _byPath;

    public TestSiteSnapshot(Uri baseUri, IReadOnlyList<TestArticle> newestFirst, bool linkFeed = true)
    {
        BaseUri = baseUri;
        Articles = newestFirst;
        Listed = newestFirst.Where(a => a.Listed).ToList();
        LinkFeed = linkFeed;
        _byPath = newestFirst.ToDictionary(a => a.Path, StringComparer.Ordinal);
    }

    public Uri BaseUri { get; }

    /// <summary>All articles, newest first: what feeds and sitemaps list.</summary>
    public IReadOnlyList<TestArticle> Articles { get; }

    /// <summary>The articles listing pages, the home page and sidebars show, newest first.</summary>
    public IReadOnlyList<TestArticle> Listed { get; }

    /// <summary>Whether pages carry <c>&lt;link rel="alternate"&gt;</c> to the RSS feed.</summary>
    public bool LinkFeed { get; }

    public int ListingPageCount => Math.Max(1, (Listed.Count + TestSiteCatalog.ListingPageSize - 1) / TestSiteCatalog.ListingPageSize);

    public TestArticle? Find(string path) => _byPath.GetValueOrDefault(path);

    public Uri Absolute(string path) => new(BaseUri, path);

    /// <summary>Page number clamped to 1..<see cref="ListingPageCount"/> (Bitrix shows the last page for larger numbers).</summary>
    public int ClampPage(int page) => Math.Clamp(page, 1, ListingPageCount);

    public IReadOnlyList<TestArticle> ListingPage(int page)
    {
        var clamped = ClampPage(page);
        return Listed.Skip((clamped - 1) * TestSiteCatalog.ListingPageSize).Take(TestSiteCatalog.ListingPageSize).ToList();
    }
}
