namespace NewsArchive.Fetching;

/// <summary>The answer to one request: the result so far, plus what redirects and retries need.</summary>
/// <param name="Result">RequestedUrl and FinalUrl are the hop's own URL until the chain fills them in.</param>
/// <param name="Location">The resolved redirect target, when the response was a redirect.</param>
/// <param name="RetryAfter">The server's Retry-After, when it sent one.</param>
/// <param name="IsTransient">Whether trying again may help.</param>
internal sealed record HopResult(FetchResult Result, Uri? Location, TimeSpan? RetryAfter, bool IsTransient);
