namespace NewsArchive.Benchmarks;

/// <summary>How <see cref="SyntheticNewsSite"/> answers for one article page when the soak test injects faults.</summary>
public enum SyntheticFault
{
    /// <summary>The page.</summary>
    None,

    /// <summary>Every request: 500.</summary>
    ServerError,

    /// <summary>First request: 503 with <c>Retry-After: 1</c>; then the page.</summary>
    UnavailableRetryAfter,

    /// <summary>First request: the connection is reset before any answer; then the page.</summary>
    ResetOnce,

    /// <summary>Every request: the full Content-Length announced, half the body sent, then the connection dropped.</summary>
    Truncated,

    /// <summary>First request: no answer until past the client's timeout; then the page.</summary>
    HangOnce,

    /// <summary>Every request: 200 <c>text/html</c> holding random bytes.</summary>
    Garbage,

    /// <summary>Every request: 404.</summary>
    NotFound,
}
