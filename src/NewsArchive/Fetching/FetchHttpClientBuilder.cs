using System.Net;

namespace NewsArchive.Fetching;

/// <summary>Builds the one <see cref="HttpClient"/> a run shares, without IHttpClientFactory.</summary>
public static class FetchHttpClientBuilder
{
    /// <summary>Creates a client configured for <see cref="PageFetcher"/>; the caller owns and disposes it.</summary>
    public static HttpClient Create(FetchOptions options) => Create(options, null);

    /// <summary>As <see cref="Create(FetchOptions)"/>; <paramref name="connect"/> replaces name resolution (tests point made-up hosts at 127.0.0.1).</summary>
    internal static HttpClient Create(FetchOptions options, Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>>? connect)
    {
        ArgumentNullException.ThrowIfNull(options);

        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            // PageFetcher follows redirects itself to count them, catch loops and refuse other schemes.
            AllowAutoRedirect = false,
            // Long nightly runs should notice DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.Timeout,
        };
        if (connect is not null)
        {
            handler.ConnectCallback = connect;
        }

        var client = new HttpClient(handler, disposeHandler: true)
        {
            // PageFetcher applies its own timeout (driven by TimeProvider) and must tell it from the caller's cancellation.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "ru,en;q=0.8");
        return client;
    }
}
