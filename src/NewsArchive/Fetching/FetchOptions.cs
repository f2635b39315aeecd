using System.Collections.Frozen;

namespace NewsArchive.Fetching;

/// <summary>Settings for <see cref="PageFetcher"/> and <see cref="FetchHttpClientBuilder"/>.</summary>
public sealed record FetchOptions
{
    /// <summary>The User-Agent header sent with every request.</summary>
    public string UserAgent { get; init; } = "NewsArchive/0.1 (+https://github.com/newsarchive; private archive crawler)";

    /// <summary>Limit for one request, from sending it to the end of the body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Bodies larger than this (after decompression) are refused.</summary>
    public long MaxResponseBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>The default of <see cref="MaxUrlLength"/>; also the longest start URL or feed a site may be given.</summary>
    public const int DefaultMaxUrlLength = 4096;

    /// <summary>Longer URLs (a link or a redirect target) are refused before any request.</summary>
    public int MaxUrlLength { get; init; } = DefaultMaxUrlLength;

    /// <summary>How many redirects one fetch may follow.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>Least pause between two requests to one host; robots.txt Crawl-delay may raise it.</summary>
    public TimeSpan DelayPerHost { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Extra attempts after a timeout, connection error, 5xx, 408 or 429.</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>
    /// Media types whose bodies are read; any other 2xx answer ends as <see cref="FetchOutcome.Skipped"/> without
    /// downloading the body (a PDF, an image). Null reads everything. An answer without a Content-Type is read.
    /// </summary>
    public IReadOnlySet<string>? AcceptedMediaTypes { get; init; }

    /// <summary>What a crawl reads: HTML pages, feeds, sitemaps (gzipped ones too).</summary>
    public static IReadOnlySet<string> CrawlableMediaTypes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "application/xhtml+xml", "text/xml", "application/xml", "application/rss+xml", "application/atom+xml",
        "application/rdf+xml", "application/x-rss+xml", "text/rss+xml", "text/plain",
        "application/x-gzip", "application/gzip", "application/octet-stream",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>First retry pause; it doubles with each attempt and gets random jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);
}
