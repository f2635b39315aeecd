using Microsoft.AspNetCore.Http;
using NewsArchive.Fetching;

namespace NewsArchive.Tests.Fetching;

/// <summary>
/// Politeness, Retry-After and timeouts, driven by <see cref="ManualTimeProvider"/>: each test sees the
/// fetcher waiting on a timer of the expected length and checks what the server got before and after
/// the clock moves. No assertion depends on real elapsed time.
/// </summary>
public sealed class PageFetcherDelayTests
{
    private static readonly FetchOptions Manual = new()
    {
        DelayPerHost = TimeSpan.FromSeconds(10),
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        Timeout = TimeSpan.FromHours(1),
        MaxRetries = 0,
    };

    private static Task Respond(HttpContext context, int status, string body, string contentType = "text/plain")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    [Fact]
    public async Task FetchAsync_SameHost_RequestsSerialisedAndSpacedByDelayPerHost()
    {
        var clock = new ManualTimeProvider();
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? Respond(context, 404, "") : Respond(context, 200, "page"));
        using var http = FetchHttpClientBuilder.Create(Manual);
        var fetcher = new PageFetcher(http, Manual, clock);
        var delay = Manual.DelayPerHost;

        var first = fetcher.FetchAsync(server.Url("/a"), CancellationToken.None);
        await Eventually.TrueAsync(() => clock.CountTimersDueIn(delay) == 1, "the pause after robots.txt");
        var second = fetcher.FetchAsync(server.Url("/b"), CancellationToken.None);
        var third = fetcher.FetchAsync(server.Url("/c"), CancellationToken.None);

        // robots.txt counts as a request to the host, so /a waits its turn after it.
        Assert.Equal(["/robots.txt"], server.RequestedPaths);

        clock.Advance(delay);
        Assert.Equal(FetchOutcome.Ok, (await first).Outcome);
        await Eventually.TrueAsync(() => clock.CountTimersDueIn(delay) == 1, "the pause after /a");
        Assert.Equal(["/robots.txt", "/a"], server.RequestedPaths);
        Assert.False(second.IsCompleted || third.IsCompleted);

        clock.Advance(delay);
        await Eventually.TrueAsync(() => server.RequestedPaths.Count == 3, "one more request");
        await Eventually.TrueAsync(() => clock.CountTimersDueIn(delay) == 1, "the pause after the third request");
        Assert.Equal(3, server.RequestedPaths.Count);

        clock.Advance(delay);
        var results = await Task.WhenAll(second, third);

        Assert.All(results, r => Assert.Equal(FetchOutcome.Ok, r.Outcome));
        Assert.Equal(4, server.RequestedPaths.Count);
        Assert.Equal(["/b", "/c"], server.RequestedPaths.Skip(2).Order());
    }

    [Fact]
    public async Task FetchAsync_DifferentHosts_DoNotWaitForEachOther()
    {
        var clock = new ManualTimeProvider();
        await using var one = await LoopbackServer.StartAsync(context => Respond(context, 404, ""));
        await using var two = await LoopbackServer.StartAsync(context => Respond(context, 404, ""));
        using var http = FetchHttpClientBuilder.Create(Manual);
        var fetcher = new PageFetcher(http, Manual, clock);

        // 127.0.0.1 and localhost are different hosts to the fetcher, though the same machine.
        var viaName = new UriBuilder(two.Url("/x")) { Host = "localhost" }.Uri;
        var first = fetcher.FetchAsync(one.Url("/x"), CancellationToken.None);
        var second = fetcher.FetchAsync(viaName, CancellationToken.None);
        await Eventually.TrueAsync(() => clock.CountTimersDueIn(Manual.DelayPerHost) == 2, "both hosts pausing after robots.txt");

        clock.Advance(Manual.DelayPerHost);
        await Task.WhenAll(first, second);

        Assert.Equal(["/robots.txt", "/x"], one.RequestedPaths);
        Assert.Equal(["/robots.txt", "/x"], two.RequestedPaths);
    }

    [Theory]
    [InlineData("20", 20)]
    [InlineData("500", 30)]
    [InlineData("1", 10)]
    public async Task FetchAsync_RobotsCrawlDelay_UsedWhenLongerThanDelayPerHostUpToCap(string crawlDelay, int expectedSeconds)
    {
        var clock = new ManualTimeProvider();
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt"
                ? Respond(context, 200, $"User-agent: *\nCrawl-delay: {crawlDelay}\n")
                : Respond(context, 200, "page"));
        using var http = FetchHttpClientBuilder.Create(Manual);
        var fetcher = new PageFetcher(http, Manual, clock);
        var expected = TimeSpan.FromSeconds(expectedSeconds);

        var fetch = fetcher.FetchAsync(server.Url("/a"), CancellationToken.None);
        await Eventually.TrueAsync(() => clock.CountTimersDueIn(expected) == 1, $"a {expectedSeconds} s pause");
        Assert.Equal(["/robots.txt"], server.RequestedPaths);

        clock.Advance(expected);

        Assert.Equal(FetchOutcome.Ok, (await fetch).Outcome);
        Assert.Equal(["/robots.txt", "/a"], server.RequestedPaths);
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("3600", 60)]
    public async Task FetchAsync_TooManyRequestsWithRetryAfter_WaitsAsToldUpToCap(string retryAfter, int expectedSeconds)
    {
        var clock = new ManualTimeProvider();
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                return Respond(context, 404, "");
            }

            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.Headers.RetryAfter = retryAfter;
                return Respond(context, 429, "slow down");
            }

            return Respond(context, 200, "page");
        });
        var options = Manual with { DelayPerHost = TimeSpan.Zero, MaxRetries = 1 };
        using var http = FetchHttpClientBuilder.Create(options);
        var fetcher = new PageFetcher(http, options, clock);
        var expected = TimeSpan.FromSeconds(expectedSeconds);

        var fetch = fetcher.FetchAsync(server.Url("/limited"), CancellationToken.None);
        await Eventually.TrueAsync(() => clock.CountTimersDueIn(expected) == 1, $"a {expectedSeconds} s Retry-After pause");
        Assert.Equal(1, server.CountOf("/limited"));

        clock.Advance(expected);

        Assert.Equal(FetchOutcome.Ok, (await fetch).Outcome);
        Assert.Equal(2, server.CountOf("/limited"));
    }

    [Fact]
    public async Task FetchAsync_AfterTooManyRequests_HostSpacingDoubles()
    {
        var clock = new ManualTimeProvider();
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                return Respond(context, 404, "");
            }

            if (context.Request.Path == "/limited" && Interlocked.Increment(ref calls) == 1)
            {
                context.Response.Headers.RetryAfter = "7";
                return Respond(context, 429, "slow down");
            }

            return Respond(context, 200, "page");
        });
        var options = Manual with { DelayPerHost = TimeSpan.FromSeconds(3), MaxRetries = 1 };
        using var http = FetchHttpClientBuilder.Create(options);
        var fetcher = new PageFetcher(http, options, clock);
        var retryAfter = TimeSpan.FromSeconds(7);
        var doubled = TimeSpan.FromSeconds(6);

        var limited = fetcher.FetchAsync(server.Url("/limited"), CancellationToken.None);
        await Eventually.TrueAsync(() => clock.CountTimersDueIn(options.DelayPerHost) == 1, "the pause after robots.txt");
        clock.Advance(options.DelayPerHost);
        await Eventually.TrueAsync(() => clock.CountTimersDueIn(retryAfter) == 1, "the Retry-After pause");
        clock.Advance(retryAfter);
        Assert.Equal(FetchOutcome.Ok, (await limited).Outcome);

        // The host asked us to slow down: the next request waits twice the configured spacing.
        var next = fetcher.FetchAsync(server.Url("/next"), CancellationToken.None);
        await Eventually.TrueAsync(() => clock.CountTimersDueIn(doubled) == 1, "the doubled spacing after a 429");
        Assert.DoesNotContain("/next", server.RequestedPaths);

        clock.Advance(doubled);
        Assert.Equal(FetchOutcome.Ok, (await next).Outcome);
        Assert.Equal(["/robots.txt", "/limited", "/limited", "/next"], server.RequestedPaths);
    }

    [Fact]
    public async Task FetchAsync_ServerNeverAnswers_NetworkErrorTimedOut()
    {
        var clock = new ManualTimeProvider();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                await Respond(context, 404, "");
                return;
            }

            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        var options = Manual with { DelayPerHost = TimeSpan.Zero, Timeout = TimeSpan.FromSeconds(5) };
        using var http = FetchHttpClientBuilder.Create(options);
        var fetcher = new PageFetcher(http, options, clock);

        var fetch = fetcher.FetchAsync(server.Url("/hang"), CancellationToken.None);
        await Eventually.TrueAsync(() => server.CountOf("/hang") == 1 && clock.CountTimersDueIn(options.Timeout) == 1, "the request in flight");

        clock.Advance(options.Timeout);
        var result = await fetch;

        Assert.Equal(FetchOutcome.NetworkError, result.Outcome);
        Assert.Equal("timed out after 5 s", result.Error);
        Assert.Equal(0, result.StatusCode);
    }

    [Fact]
    public async Task FetchAsync_CallerCancels_ThrowsOperationCanceled()
    {
        var clock = new ManualTimeProvider();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                await Respond(context, 404, "");
                return;
            }

            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });
        var options = Manual with { DelayPerHost = TimeSpan.Zero };
        using var http = FetchHttpClientBuilder.Create(options);
        var fetcher = new PageFetcher(http, options, clock);
        using var cancel = new CancellationTokenSource();

        var fetch = fetcher.FetchAsync(server.Url("/hang"), cancel.Token);
        await Eventually.TrueAsync(() => server.CountOf("/hang") == 1, "the request in flight");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch);
    }

    [Fact]
    public async Task FetchAsync_CancelledWhileWaitingForHost_ThrowsAndLaterFetchStillWorks()
    {
        var clock = new ManualTimeProvider();
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? Respond(context, 404, "") : Respond(context, 200, "page"));
        using var http = FetchHttpClientBuilder.Create(Manual);
        var fetcher = new PageFetcher(http, Manual, clock);
        using var cancel = new CancellationTokenSource();

        var abandoned = fetcher.FetchAsync(server.Url("/a"), cancel.Token);
        await Eventually.TrueAsync(() => clock.CountTimersDueIn(Manual.DelayPerHost) == 1, "the pause after robots.txt");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        var next = fetcher.FetchAsync(server.Url("/b"), CancellationToken.None);
        await Eventually.TrueAsync(() => clock.CountTimersDueIn(Manual.DelayPerHost) == 1, "the pause before /b");
        clock.Advance(Manual.DelayPerHost);

        Assert.Equal(FetchOutcome.Ok, (await next).Outcome);
        Assert.Equal(["/robots.txt", "/b"], server.RequestedPaths);
    }
}
