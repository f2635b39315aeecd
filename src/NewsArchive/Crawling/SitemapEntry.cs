namespace NewsArchive.Crawling;

/// <summary>One <c>&lt;url&gt;</c> of a sitemap: its location, <c>lastmod</c>, and the Google News publication date and title when given.</summary>
public sealed record SitemapEntry(Uri Url, DateTimeOffset? LastModified, DateTimeOffset? NewsPublished, string? NewsTitle);
