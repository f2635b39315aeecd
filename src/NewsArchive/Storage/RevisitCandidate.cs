namespace NewsArchive.Storage;

/// <summary>A stored article due for a revisit: the URL it was fetched from, when it last was, and the date its feed or news sitemap gave.</summary>
public sealed record RevisitCandidate(string UrlKey, Uri FetchUrl, DateTimeOffset LastFetched, DateTimeOffset? FeedPublished);
