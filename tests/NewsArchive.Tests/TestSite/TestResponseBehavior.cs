namespace NewsArchive.Tests.TestSite;

/// <summary>How <see cref="NewsTestSite"/> answers for one article: the failure modes a crawler must live with.</summary>
public enum TestResponseBehavior
{
    /// <summary>The article page, with ETag and Last-Modified.</summary>
    Normal,

    /// <summary>First request: 429 with <c>Retry-After: 1</c>; then the page.</summary>
    TooManyRequestsOnce,

    /// <summary>First request: 503; then the page.</summary>
    UnavailableOnce,

    /// <summary>First request: the connection is reset without an answer; then the page.</summary>
    ResetOnce,

    /// <summary>Every request: no answer until the client gives up.</summary>
    Hang,

    /// <summary>Every request: 302 to the same path with <c>?r=1</c>, which redirects back: a loop.</summary>
    RedirectLoop,

    /// <summary>Every request: a 20 MB <c>text/html</c> body, chunked (no Content-Length).</summary>
    Huge,

    /// <summary>Every request: a PDF document (<c>application/pdf</c>).</summary>
    Pdf,

    /// <summary>Every request: a JavaScript-only shell (empty mount point, the text comes from a script bundle).</summary>
    JsShell,

    /// <summary>First request: the JavaScript-only shell; then the real page.</summary>
    JsShellOnce,
}
