namespace NewsArchive.Tests.TestSite;

/// <summary>The site's state at one moment: what a page is rendered from.</summary>
internal sealed class TestSiteSnapshot
{
    private readonly Dictionary<string, TestArticle> _byPath;

    public TestSiteSnapshot(Uri baseUri, IReadOnlyList<TestArticle> newestFirst)
    {
        BaseUri = baseUri;
        Articles = newestFirst;
        _byPath = newestFirst.ToDictionary(a => a.Path, StringComparer.Ordinal);
    }

    public Uri BaseUri { get; }

    /// <summary>All articles, newest first.</summary>
    public IReadOnlyList<TestArticle> Articles { get; }

    public int ListingPageCount => Math.Max(1, (Articles.Count + TestSiteCatalog.ListingPageSize - 1) / TestSiteCatalog.ListingPageSize);

    public TestArticle? Find(string path) => _byPath.GetValueOrDefault(path);

    public Uri Absolute(string path) => new(BaseUri, path);

    /// <summary>Page number clamped to 1..<see cref="ListingPageCount"/> (Bitrix shows the last page for larger numbers).</summary>
    public int ClampPage(int page) => Math.Clamp(page, 1, ListingPageCount);

    public IReadOnlyList<TestArticle> ListingPage(int page)
    {
        var clamped = ClampPage(page);
        return Articles.Skip((clamped - 1) * TestSiteCatalog.ListingPageSize).Take(TestSiteCatalog.ListingPageSize).ToList();
    }
}
