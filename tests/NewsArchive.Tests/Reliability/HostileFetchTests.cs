using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using NewsArchive.Fetching;
using NewsArchive.Tests.Fetching;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// <see cref="PageFetcher"/> against hostile answers from a loopback server. Made-up host names (<c>news.example</c>,
/// an IDN) resolve to a public address, or a local one where a test says so, and every connection goes to 127.0.0.1,
/// the way <c>curl --resolve</c> does, so the redirect rules can be tested without DNS.
/// </summary>
public sealed class HostileFetchTests
{
    private static readonly FetchOptions Fast = new()
    {
        DelayPerHost = TimeSpan.FromMilliseconds(1),
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        Timeout = TimeSpan.FromSeconds(20),
    };

    private static Task NoRobots(HttpContext context)
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    private static RequestDelegate Page(string path, RequestDelegate page) =>
        context => context.Request.Path == "/robots.txt" ? NoRobots(context)
            : context.Request.Path == path ? page(context)
            : HostileResponses.Bytes("<p>ok</p>"u8.ToArray(), "text/html; charset=utf-8")(context);

    // TEST-NET-3: a public address by LocalAddress's rules, never connected to (every connection goes to the loopback server).
    private static readonly IPAddress PublicAddress = IPAddress.Parse("203.0.113.10");

    private static Task<FetchResult> FetchAsync(LoopbackServer server, Uri url, FetchOptions? options = null, IReadOnlyDictionary<string, IPAddress>? dns = null) =>
        FetchAsync(server.BaseUri.Port, url, options, dns);

    private static async Task<FetchResult> FetchAsync(int port, Uri url, FetchOptions? options = null, IReadOnlyDictionary<string, IPAddress>? dns = null)
    {
        options ??= Fast;
        // Made-up names resolve to a public address (or as dns says) and every connection goes to the loopback server.
        using var http = FetchHttpClientBuilder.Create(
            options,
            (host, _) => Task.FromResult<IPAddress[]>([IPAddress.TryParse(host, out var literal) ? literal : dns?.GetValueOrDefault(host) ?? PublicAddress]),
            async (_, _, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            });
        var fetcher = new PageFetcher(http, options, TimeProvider.System);
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await fetcher.FetchAsync(url, hangGuard.Token);
    }

    private static Uri On(LoopbackServer server, string host, string path) => On(server.BaseUri.Port, host, path);

    private static Uri On(int port, string host, string path) => new($"http://{host}:{port.ToString(CultureInfo.InvariantCulture)}{path}");

    /// <summary>A server whose /news/1 redirects to <paramref name="location"/>(its own port).</summary>
    private static async Task<LoopbackServer> StartRedirectingAsync(Func<int, string> location)
    {
        var port = 0;
        var server = await LoopbackServer.StartAsync(Page("/news/1", context => HostileResponses.RedirectTo(location(port))(context)));
        port = server.BaseUri.Port;
        return server;
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/secret", "127.0.0.1")]
    [InlineData("http://localhost:{port}/secret", "localhost")]
    [InlineData("http://admin.localhost:{port}/secret", "admin.localhost")]
    [InlineData("http://[::1]:{port}/secret", "::1")]
    [InlineData("http://192.168.1.1/", "192.168.1.1")]
    [InlineData("http://10.0.0.8/", "10.0.0.8")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("http://2130706433:{port}/secret", "127.0.0.1")]
    public async Task FetchAsync_RedirectFromPublicHostToLocalAddress_SkippedWithoutRequest(string location, string shownHost)
    {
        await using var server = await StartRedirectingAsync(port => location.Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var result = await FetchAsync(server, On(server, "news.example", "/news/1"));

        Assert.Equal(FetchOutcome.Skipped, result.Outcome);
        Assert.Equal($"redirect from news.example to local address {shownHost} refused", result.Error);
        Assert.Equal(0, server.CountOf("/secret"));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("10.0.0.8")]
    [InlineData("169.254.169.254")]
    public async Task FetchAsync_RedirectFromPublicHostToNameResolvingToLocalAddress_SkippedWithoutRequest(string address)
    {
        await using var server = await StartRedirectingAsync(port => On(port, "rebind.example", "/secret").AbsoluteUri);
        var dns = new Dictionary<string, IPAddress> { ["rebind.example"] = IPAddress.Parse(address) };

        var result = await FetchAsync(server, On(server, "news.example", "/news/1"), dns: dns);

        Assert.Equal(FetchOutcome.Skipped, result.Outcome);
        Assert.Equal($"redirect from news.example to rebind.example refused: it resolves to local address {IPAddress.Parse(address)}", result.Error);
        Assert.Equal(0, server.CountOf("/secret"));
        // Not its robots.txt either: nothing at all was asked of the local address.
        Assert.DoesNotContain(server.Requests, r => r.Headers["Host"].StartsWith("rebind.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_GivenUrlWhoseNameResolvesToLocalAddressRedirectingWithinItsHost_Fetched()
    {
        // The user's own choice, such as an intranet site: only redirects from public hosts to other hosts are judged.
        await using var server = await StartRedirectingAsync(port => On(port, "intranet.example", "/news/2").AbsoluteUri);
        var dns = new Dictionary<string, IPAddress> { ["intranet.example"] = IPAddress.Parse("10.0.0.8") };

        var result = await FetchAsync(server, On(server, "intranet.example", "/news/1"), dns: dns);

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(On(server, "intranet.example", "/news/2"), result.FinalUrl);
    }

    [Fact]
    public async Task FetchAsync_RedirectWithinPublicHosts_Followed()
    {
        await using var server = await StartRedirectingAsync(port => On(port, "www.news.example", "/news/2").AbsoluteUri);

        var result = await FetchAsync(server, On(server, "news.example", "/news/1"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal("www.news.example", result.FinalUrl.Host);
    }

    [Fact]
    public async Task FetchAsync_IdnHost_SentAsPunycode()
    {
        await using var server = await LoopbackServer.StartAsync(Page("/none", NoRobots));

        var result = await FetchAsync(server, On(server, "новости.example", "/page"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        var punycode = new IdnMapping().GetAscii("новости.example");
        Assert.StartsWith("xn--", punycode);
        Assert.All(server.Requests, r => Assert.Equal($"{punycode}:{server.BaseUri.Port}", r.Headers["Host"]));
    }

    [Fact]
    public async Task FetchAsync_UrlWithCredentials_FetchedWithoutThem()
    {
        await using var server = await LoopbackServer.StartAsync(Page("/none", NoRobots));

        var result = await FetchAsync(server, On(server, "admin:secret@news.example", "/page"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal("", result.RequestedUrl.UserInfo);
        Assert.Equal("", result.FinalUrl.UserInfo);
        Assert.NotEmpty(server.Requests);
        Assert.All(server.Requests, r => Assert.False(r.Headers.ContainsKey("Authorization")));
    }

    [Fact]
    public async Task FetchAsync_RedirectToUrlWithCredentials_FollowedWithoutThem()
    {
        await using var server = await StartRedirectingAsync(port => On(port, "admin:secret@news.example", "/news/2").AbsoluteUri);

        var result = await FetchAsync(server, On(server, "news.example", "/news/1"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(On(server, "news.example", "/news/2"), result.FinalUrl);
        Assert.All(server.Requests, r => Assert.False(r.Headers.ContainsKey("Authorization")));
    }

    [Fact]
    public async Task FetchAsync_TenThousandCharacterUrl_SkippedWithoutRequest()
    {
        await using var server = await LoopbackServer.StartAsync(Page("/none", NoRobots));

        var result = await FetchAsync(server, server.Url("/news/" + new string('a', 10_000)));

        Assert.Equal(FetchOutcome.Skipped, result.Outcome);
        Assert.Equal("URL longer than 4096 characters", result.Error);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task FetchAsync_GzipBomb_TooLargeAtTheDefaultCapOnInflatedBytes()
    {
        var hostile = new HostileResponses();
        await using var server = await LoopbackServer.StartAsync(Page("/bomb", hostile.GzipBomb("bomb", gibibytes: 2)));
        var defaults = new FetchOptions { DelayPerHost = TimeSpan.Zero, MaxRetries = 0 };

        var result = await FetchAsync(server, server.Url("/bomb"), defaults);

        Assert.Equal(10 * 1024 * 1024, defaults.MaxResponseBytes);
        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Equal("response larger than 10 MB", result.Error);
        Assert.Empty(result.Body);
    }

    [Fact]
    public async Task FetchAsync_Slowloris_TimesOutAndHangsUp()
    {
        var hostile = new HostileResponses();
        await using var server = await LoopbackServer.StartAsync(Page("/slow", hostile.Slowloris("slow")));

        var result = await FetchAsync(server, server.Url("/slow"), Fast with { Timeout = TimeSpan.FromSeconds(1), MaxRetries = 0 });

        Assert.Equal(FetchOutcome.NetworkError, result.Outcome);
        Assert.Equal("timed out after 1 s", result.Error);
        await Eventually.TrueAsync(() => hostile.HungUp("slow"), "the client hangs up");
    }

    [Fact]
    public async Task FetchAsync_SlowlorisHeaders_TimesOutAndHangsUp()
    {
        await using var server = SlowHeaderServer.Start();

        var result = await FetchAsync(server.Port, server.Url("/slow"), Fast with { Timeout = TimeSpan.FromSeconds(1), MaxRetries = 0 });

        Assert.Equal(FetchOutcome.NetworkError, result.Outcome);
        Assert.Equal("timed out after 1 s", result.Error);
        Assert.Equal(0, result.StatusCode);
        Assert.Contains("GET /slow HTTP/1.1", server.RequestLines);
        await Eventually.TrueAsync(() => server.HungUp, "the client hangs up");
    }

    [Fact]
    public async Task FetchAsync_EndlessChunkedBody_TooLargeAndHangsUp()
    {
        var hostile = new HostileResponses();
        await using var server = await LoopbackServer.StartAsync(Page("/endless", hostile.EndlessChunked("endless")));

        var result = await FetchAsync(server, server.Url("/endless"), Fast with { MaxResponseBytes = 1024 * 1024 });

        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Equal("response larger than 1 MB", result.Error);
        Assert.Empty(result.Body);
        await Eventually.TrueAsync(() => hostile.HungUp("endless"), "the client hangs up");
    }

    [Fact]
    public async Task GetRobotsAsync_BinaryRobots_NoRulesAndPagesFetched()
    {
        var junk = new byte[16 * 1024];
        new Random(11).NextBytes(junk);
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Path == "/robots.txt"
            ? HostileResponses.Bytes(junk, "text/plain")(context)
            : HostileResponses.Bytes("<p>ok</p>"u8.ToArray(), "text/html")(context));

        var result = await FetchAsync(server, server.Url("/page"));

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(1, server.CountOf("/robots.txt"));
    }
}
