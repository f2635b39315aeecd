namespace NewsArchive.Crawling;

/// <summary>A stored article the current parser could not re-read; it is left as stored.</summary>
public sealed record ReparseFailure(long ArticleId, Uri Url, string Reason);
