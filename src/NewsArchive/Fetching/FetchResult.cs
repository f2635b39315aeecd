namespace NewsArchive.Fetching;

/// <summary>What one <see cref="PageFetcher"/> fetch produced. Network problems end up here, never as exceptions.</summary>
public sealed record FetchResult
{
    /// <summary>The URL the caller asked for.</summary>
    public required Uri RequestedUrl { get; init; }

    /// <summary>The last URL of the redirect chain (the refused target when the chain was stopped).</summary>
    public required Uri FinalUrl { get; init; }

    /// <summary>The status of the last response; 0 when there was none.</summary>
    public int StatusCode { get; init; }

    /// <summary>The media type alone, lowercased, such as <c>text/html</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>The Content-Type header as sent, parameters included.</summary>
    public string? ContentTypeHeader { get; init; }

    /// <summary>The decompressed body; empty unless <see cref="Outcome"/> is <see cref="FetchOutcome.Ok"/>.</summary>
    public byte[] Body { get; init; } = [];

    /// <summary>The raw ETag header, for a later conditional GET.</summary>
    public string? ETag { get; init; }

    /// <summary>The Last-Modified header, for a later conditional GET.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>When the result was settled, from the fetcher's <see cref="TimeProvider"/>.</summary>
    public required DateTimeOffset FetchedAt { get; init; }

    /// <summary>One line saying why the fetch failed; null on success.</summary>
    public string? Error { get; init; }

    /// <summary>How the fetch ended.</summary>
    public required FetchOutcome Outcome { get; init; }

    /// <summary>
    /// True when nothing was asked of the URL because its host could not be reached or its robots.txt could not be
    /// read: the URL itself is not at fault, so the host should be tried again on a later run.
    /// </summary>
    public bool HostUnavailable { get; init; }

    /// <summary>True for <see cref="FetchOutcome.Ok"/> and <see cref="FetchOutcome.NotModified"/>: the server answered and nothing failed.</summary>
    public bool IsSuccess => Outcome is FetchOutcome.Ok or FetchOutcome.NotModified;

    /// <summary>The body as text, decoded with <see cref="CharsetDecoder"/>.</summary>
    public string DecodeText() => CharsetDecoder.Decode(Body, ContentTypeHeader);
}
