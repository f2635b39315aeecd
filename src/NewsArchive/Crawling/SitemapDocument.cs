namespace NewsArchive.Crawling;

/// <summary>What one sitemap file holds: page entries (a urlset) or child sitemaps (a sitemap index), or both when broken.</summary>
public sealed record SitemapDocument(IReadOnlyList<SitemapEntry> Urls, IReadOnlyList<SitemapEntry> Sitemaps, string? Problem)
{
    public static SitemapDocument Empty(string problem) => new([], [], problem);
}
