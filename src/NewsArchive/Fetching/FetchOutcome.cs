namespace NewsArchive.Fetching;

/// <summary>How a fetch ended.</summary>
public enum FetchOutcome
{
    /// <summary>A 2xx response; the body is in <see cref="FetchResult.Body"/>.</summary>
    Ok,

    /// <summary>A 304 answer to a conditional GET: the stored copy is still current.</summary>
    NotModified,

    /// <summary>The server answered with an error status, or a redirect chain went wrong.</summary>
    HttpError,

    /// <summary>No usable response: connection failure, reset or timeout.</summary>
    NetworkError,

    /// <summary>robots.txt forbids the URL (or could not be read), so no request was made.</summary>
    Blocked,

    /// <summary>The body exceeded <see cref="FetchOptions.MaxResponseBytes"/>.</summary>
    TooLarge,

    /// <summary>Not fetched at all, for example a scheme other than http or https.</summary>
    Skipped,
}
