using System.Net;
using System.Net.Sockets;

namespace NewsArchive.Fetching;

/// <summary>Builds the one <see cref="HttpClient"/> a run shares, without IHttpClientFactory.</summary>
public static class FetchHttpClientBuilder
{
    /// <summary>
    /// Set on a request that follows a redirect from a public host: its connection must go to a public address
    /// (no DNS rebinding into this machine or the local network).
    /// </summary>
    internal static readonly HttpRequestOptionsKey<bool> PublicAddressOnly = new("NewsArchive.PublicAddressOnly");

    /// <summary>Creates a client configured for <see cref="PageFetcher"/>; the caller owns and disposes it.</summary>
    public static HttpClient Create(FetchOptions options) => Create(options, null, null);

    /// <summary>
    /// As <see cref="Create(FetchOptions)"/>; <paramref name="resolve"/> replaces DNS and <paramref name="open"/> the
    /// socket connect (tests give made-up hosts public or local addresses and connect them all to 127.0.0.1).
    /// </summary>
    internal static HttpClient Create(
        FetchOptions options,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve,
        Func<IPAddress[], int, CancellationToken, Task<Stream>>? open)
    {
        ArgumentNullException.ThrowIfNull(options);
        resolve ??= Dns.GetHostAddressesAsync;
        open ??= OpenAsync;

        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            // PageFetcher follows redirects itself to count them, catch loops and refuse other schemes.
            AllowAutoRedirect = false,
            // Long nightly runs should notice DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.Timeout,
            // Resolved here rather than by the socket, so that the address checked is the address connected to.
            ConnectCallback = async (context, ct) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = await resolve(host, ct);
                if (context.InitialRequestMessage.Options.TryGetValue(PublicAddressOnly, out var publicOnly) && publicOnly
                    && Array.Find(addresses, LocalAddress.IsLocal) is { } local)
                {
                    throw new LocalAddressException(host, local);
                }
                return await open(addresses, context.DnsEndPoint.Port, ct);
            },
        };

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

    // What SocketsHttpHandler does by default, given the addresses: a dual-mode socket tried on each in turn.
    private static async Task<Stream> OpenAsync(IPAddress[] addresses, int port, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
