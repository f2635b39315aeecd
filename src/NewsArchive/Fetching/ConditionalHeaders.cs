namespace NewsArchive.Fetching;

/// <summary>Validators from an earlier fetch, sent as If-None-Match / If-Modified-Since.</summary>
/// <param name="ETag">The raw ETag header value, quotes and any W/ prefix included.</param>
/// <param name="LastModified">The earlier Last-Modified value.</param>
public sealed record ConditionalHeaders(string? ETag, DateTimeOffset? LastModified);
