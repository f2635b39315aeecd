namespace NewsArchive.Crawling;

/// <summary>A URL a dry run would fetch, and why: queued earlier, new from a feed, listing or sitemap, or a revisit.</summary>
public sealed record PlannedFetch(Uri Url, string Reason);
