using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using NewsArchive.Fetching;

namespace NewsArchive.Tests.Fetching;

public sealed class FetchHttpClientBuilderTests
{
    [Fact]
    public async Task Create_Redirect_ReturnedNotFollowed()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = "/elsewhere";
            return Task.CompletedTask;
        });
        using var http = FetchHttpClientBuilder.Create(new FetchOptions());

        using var response = await http.GetAsync(server.Url("/old"));

        Assert.Equal(301, (int)response.StatusCode);
        Assert.Equal(["/old"], server.RequestedPaths);
    }

    [Fact]
    public async Task Create_CustomUserAgent_SentWithCompressionAccepted()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("ok"));
        var options = new FetchOptions { UserAgent = "TestAgent/1.0 (+https://example.org/bot)" };
        using var http = FetchHttpClientBuilder.Create(options);

        await http.GetStringAsync(server.Url("/"));

        var headers = server.Requests.Single().Headers;
        Assert.Equal(options.UserAgent, headers["User-Agent"]);
        Assert.Contains("gzip", headers["Accept-Encoding"]);
        Assert.Contains("br", headers["Accept-Encoding"]);
    }

    [Fact]
    public void Create_Always_LeavesTimeoutToPageFetcher()
    {
        using var http = FetchHttpClientBuilder.Create(new FetchOptions());

        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }

    [Fact]
    public async Task Create_NameThatDoesNotResolve_NameResolutionErrorAsWithTheDefaultConnect()
    {
        // The client resolves names itself (to check redirect targets' addresses); a failed lookup must still say so.
        var lookups = 0;
        using var http = FetchHttpClientBuilder.Create(new FetchOptions(), (_, _) =>
        {
            Interlocked.Increment(ref lookups);
            throw new SocketException((int)SocketError.HostNotFound);
        }, null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("http://no-such-host.example/")));

        Assert.Equal(HttpRequestError.NameResolutionError, error.HttpRequestError);
        Assert.Equal(1, lookups);
    }
}
