namespace NewsArchive.Tests.TestSite;

/// <summary>One request received by <see cref="NewsTestSite"/>, recorded before it is answered.</summary>
/// <param name="Method">HTTP method, e.g. <c>GET</c>.</param>
/// <param name="PathAndQuery">Path and query as sent, e.g. <c>/ab/news/?PAGEN_1=2</c>.</param>
/// <param name="UserAgent">The <c>User-Agent</c> header, if any.</param>
/// <param name="IfNoneMatch">The <c>If-None-Match</c> header, if any.</param>
/// <param name="IfModifiedSince">The <c>If-Modified-Since</c> header, if any.</param>
public sealed record TestRequest(
    string Method,
    string PathAndQuery,
    string? UserAgent,
    string? IfNoneMatch,
    string? IfModifiedSince);
