namespace NewsArchive.Crawling;

public sealed record FeedItem(Uri Url, string? Title, DateTimeOffset? Published);
