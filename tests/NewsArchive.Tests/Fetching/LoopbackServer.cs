using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsArchive.Tests.Fetching;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port, recording every request it gets.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests;

    private LoopbackServer(WebApplication app, Uri baseUri, ConcurrentQueue<RecordedRequest> requests)
    {
        _app = app;
        BaseUri = baseUri;
        _requests = requests;
    }

    /// <summary>Root of the server, such as http://127.0.0.1:41234/.</summary>
    public Uri BaseUri { get; }

    /// <summary>Path and query of every request, in arrival order.</summary>
    public IReadOnlyList<string> RequestedPaths => [.. _requests.Select(r => r.PathAndQuery)];

    /// <summary>Every request with its headers, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LoopbackServer> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");

        var requests = new ConcurrentQueue<RecordedRequest>();
        app.Run(context =>
        {
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            requests.Enqueue(new RecordedRequest(context.Request.Path.Value + context.Request.QueryString.Value, headers));
            return handler(context);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LoopbackServer(app, new Uri(address + "/"), requests);
    }

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    public int CountOf(string pathAndQuery) => _requests.Count(r => r.PathAndQuery == pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        // Bounded so that a handler still hanging cannot stall the test run.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
