using System.IO.Compression;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Http;
using NewsArchive.Fetching;

namespace NewsArchive.Tests.Fetching;

public sealed class PageFetcherTests
{
    private const string Russian = "Продажи новых легковых автомобилей выросли";

    // Small delays keep the suite fast; nothing asserts on elapsed time.
    private static readonly FetchOptions Fast = new()
    {
        DelayPerHost = TimeSpan.FromMilliseconds(2),
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        Timeout = TimeSpan.FromSeconds(20),
    };

    private static readonly Encoding Windows1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)!;
    private static readonly Encoding Koi8R = CodePagesEncodingProvider.Instance.GetEncoding(20866)!;

    private static async Task<FetchResult> FetchOnceAsync(LoopbackServer server, string path, FetchOptions? options = null)
    {
        options ??= Fast;
        using var http = FetchHttpClientBuilder.Create(options);
        var fetcher = new PageFetcher(http, options, TimeProvider.System);
        return await fetcher.FetchAsync(server.Url(path), CancellationToken.None);
    }

    private static Task WriteAsync(HttpContext context, int status, string body = "", string contentType = "text/html; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    private static async Task WriteBytesAsync(HttpContext context, byte[] body, string contentType)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    private static Task NoRobots(HttpContext context) => WriteAsync(context, 404, "not found", "text/plain");

    [Fact]
    public async Task FetchAsync_PlainPage_ReturnsBodyAndHeaders()
    {
        var lastModified = new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                return NoRobots(context);
            }

            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers.LastModified = lastModified.ToString("R");
            return WriteAsync(context, 200, $"<p>{Russian}</p>", "Text/HTML; charset=UTF-8");
        });

        var result = await FetchOnceAsync(server, "/news/1");

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.True(result.IsSuccess);
        Assert.Null(result.Error);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(server.Url("/news/1"), result.RequestedUrl);
        Assert.Equal(server.Url("/news/1"), result.FinalUrl);
        Assert.Equal("text/html", result.ContentType);
        Assert.Equal("Text/HTML; charset=UTF-8", result.ContentTypeHeader);
        Assert.Equal("\"v1\"", result.ETag);
        Assert.Equal(lastModified, result.LastModified);
        Assert.Equal($"<p>{Russian}</p>", result.DecodeText());
    }

    [Fact]
    public async Task FetchAsync_Always_SendsConfiguredUserAgent()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? NoRobots(context) : WriteAsync(context, 200, "ok"));

        await FetchOnceAsync(server, "/page");

        Assert.All(server.Requests, r => Assert.Equal(Fast.UserAgent, r.Headers["User-Agent"]));
    }

    [Fact]
    public async Task FetchAsync_Windows1251DeclaredOnlyInMeta_DecodesCyrillic()
    {
        var page = Windows1251.GetBytes($"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body><h1>{Russian}</h1></body></html>");
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? NoRobots(context) : WriteBytesAsync(context, page, "text/html"));

        var result = await FetchOnceAsync(server, "/news/1251");

        Assert.Equal(page, result.Body);
        Assert.Contains($"<h1>{Russian}</h1>", result.DecodeText());
    }

    [Fact]
    public async Task FetchAsync_Koi8rDeclaredInHeader_DecodesCyrillic()
    {
        var page = Koi8R.GetBytes($"<p>{Russian}</p>");
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? NoRobots(context) : WriteBytesAsync(context, page, "text/html; charset=koi8-r"));

        var result = await FetchOnceAsync(server, "/koi");

        Assert.Equal($"<p>{Russian}</p>", result.DecodeText());
    }

    [Fact]
    public async Task FetchAsync_GzipResponse_BodyDecompressed()
    {
        var html = $"<p>{string.Concat(Enumerable.Repeat(Russian, 50))}</p>";
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(html));
        }

        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                return NoRobots(context);
            }

            context.Response.Headers.ContentEncoding = "gzip";
            return WriteBytesAsync(context, compressed.ToArray(), "text/html; charset=utf-8");
        });

        var result = await FetchOnceAsync(server, "/gz");

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Contains("gzip", server.Requests.Last().Headers["Accept-Encoding"]);
        Assert.Equal(html, result.DecodeText());
    }

    [Fact]
    public async Task FetchAsync_RobotsDisallowsPath_BlockedWithoutRequest()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Path.Value switch
        {
            "/robots.txt" => WriteAsync(context, 200, "User-agent: *\nDisallow: /private/\n", "text/plain"),
            _ => WriteAsync(context, 200, "page"),
        });
        using var http = FetchHttpClientBuilder.Create(Fast);
        var fetcher = new PageFetcher(http, Fast, TimeProvider.System);

        var blocked = await fetcher.FetchAsync(server.Url("/private/secret"), CancellationToken.None);
        var allowed = await fetcher.FetchAsync(server.Url("/public"), CancellationToken.None);

        Assert.Equal(FetchOutcome.Blocked, blocked.Outcome);
        Assert.False(blocked.IsSuccess);
        Assert.Equal("blocked by robots.txt", blocked.Error);
        Assert.Equal(0, blocked.StatusCode);
        Assert.Empty(blocked.Body);
        Assert.Equal(FetchOutcome.Ok, allowed.Outcome);
        Assert.Equal(["/robots.txt", "/public"], server.RequestedPaths);
    }

    [Fact]
    public async Task FetchAsync_GroupForOurProductToken_Obeyed()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Path.Value switch
        {
            "/robots.txt" => WriteAsync(context, 200, "User-agent: *\nAllow: /\n\nUser-agent: NewsArchive\nDisallow: /\n", "text/plain"),
            _ => WriteAsync(context, 200, "page"),
        });

        var result = await FetchOnceAsync(server, "/news/1");

        Assert.Equal(FetchOutcome.Blocked, result.Outcome);
        Assert.Equal(0, server.CountOf("/news/1"));
    }

    [Fact]
    public async Task FetchAsync_RobotsNotFound_AllowsEverything()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? NoRobots(context) : WriteAsync(context, 200, "page"));

        var result = await FetchOnceAsync(server, "/private/page");

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(["/robots.txt", "/private/page"], server.RequestedPaths);
    }

    [Fact]
    public async Task FetchAsync_RobotsServerError_BlocksWholeHost()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? WriteAsync(context, 500, "oops", "text/plain") : WriteAsync(context, 200, "page"));
        using var http = FetchHttpClientBuilder.Create(Fast);
        var fetcher = new PageFetcher(http, Fast, TimeProvider.System);

        var first = await fetcher.FetchAsync(server.Url("/news/1"), CancellationToken.None);
        var second = await fetcher.FetchAsync(server.Url("/news/2"), CancellationToken.None);
        var rules = await fetcher.GetRobotsAsync(server.Url("/"), CancellationToken.None);

        Assert.Equal(FetchOutcome.Blocked, first.Outcome);
        Assert.StartsWith("robots.txt unavailable", first.Error);
        Assert.Equal(FetchOutcome.Blocked, second.Outcome);
        Assert.Same(RobotsRules.DisallowAll, rules);
        Assert.DoesNotContain(server.RequestedPaths, p => p.StartsWith("/news", StringComparison.Ordinal));

        // One first try plus MaxRetries, for the whole run.
        Assert.Equal(1 + Fast.MaxRetries, server.CountOf("/robots.txt"));
    }

    [Fact]
    public async Task FetchAsync_ManyPagesOnOneHost_RobotsFetchedOnce()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? WriteAsync(context, 200, "User-agent: *\nDisallow:\n", "text/plain") : WriteAsync(context, 200, "page"));
        using var http = FetchHttpClientBuilder.Create(Fast);
        var fetcher = new PageFetcher(http, Fast, TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => fetcher.FetchAsync(server.Url($"/news/{i}"), CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(FetchOutcome.Ok, r.Outcome));
        Assert.Equal(1, server.CountOf("/robots.txt"));
        Assert.Equal("/robots.txt", server.RequestedPaths[0]);
        Assert.Equal(6, server.RequestedPaths.Count);
    }

    [Fact]
    public async Task GetRobotsAsync_SitemapLines_ResolvedAgainstRobotsUrl()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            WriteAsync(context, 200, "User-agent: *\nDisallow: /search\nSitemap: /sitemap.xml\nSitemap: https://cdn.example.org/news.xml\n", "text/plain"));
        using var http = FetchHttpClientBuilder.Create(Fast);
        var fetcher = new PageFetcher(http, Fast, TimeProvider.System);

        var rules = await fetcher.GetRobotsAsync(server.Url("/news/1"), CancellationToken.None);

        Assert.Equal([server.Url("/sitemap.xml"), new Uri("https://cdn.example.org/news.xml")], rules.Sitemaps);
        Assert.False(rules.IsAllowed(server.Url("/search?q=1")));
        Assert.Equal(["/robots.txt"], server.RequestedPaths);
    }

    [Fact]
    public async Task FetchAsync_Redirect_FollowedAndFinalUrlSet()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Path.Value switch
        {
            "/robots.txt" => NoRobots(context),
            "/old" => Redirect(context, 301, "/middle?x=1"),
            "/middle" => Redirect(context, 302, context.Request.Scheme + "://" + context.Request.Host + "/new"),
            _ => WriteAsync(context, 200, "new page"),
        });

        var result = await FetchOnceAsync(server, "/old");

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(server.Url("/old"), result.RequestedUrl);
        Assert.Equal(server.Url("/new"), result.FinalUrl);
        Assert.Equal("new page", result.DecodeText());
        Assert.Equal(["/robots.txt", "/old", "/middle?x=1", "/new"], server.RequestedPaths);
    }

    [Fact]
    public async Task FetchAsync_RedirectLoop_StopsWithHttpError()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Path.Value switch
        {
            "/robots.txt" => NoRobots(context),
            "/a" => Redirect(context, 302, "/b"),
            _ => Redirect(context, 302, "/a"),
        });

        var result = await FetchOnceAsync(server, "/a");

        Assert.Equal(FetchOutcome.HttpError, result.Outcome);
        Assert.Equal("redirect loop", result.Error);
        Assert.Equal(302, result.StatusCode);
        Assert.Equal(1, server.CountOf("/a"));
        Assert.Equal(1, server.CountOf("/b"));
    }

    [Fact]
    public async Task FetchAsync_MoreRedirectsThanAllowed_StopsAtLimit()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                return NoRobots(context);
            }

            var step = int.Parse(context.Request.Path.Value!.TrimStart('/'), System.Globalization.CultureInfo.InvariantCulture);
            return Redirect(context, 307, $"/{step + 1}");
        });
        var options = Fast with { MaxRedirects = 3 };

        var result = await FetchOnceAsync(server, "/0", options);

        Assert.Equal(FetchOutcome.HttpError, result.Outcome);
        Assert.Equal("too many redirects", result.Error);
        Assert.Equal(server.Url("/3"), result.FinalUrl);
        Assert.Equal(["/robots.txt", "/0", "/1", "/2", "/3"], server.RequestedPaths);
    }

    [Fact]
    public async Task FetchAsync_RedirectToFtp_Refused()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? NoRobots(context) : Redirect(context, 302, "ftp://files.example.org/price.pdf"));

        var result = await FetchOnceAsync(server, "/download");

        Assert.Equal(FetchOutcome.Skipped, result.Outcome);
        Assert.Equal("redirect to unsupported scheme ftp", result.Error);
        Assert.Equal(new Uri("ftp://files.example.org/price.pdf"), result.FinalUrl);
    }

    [Fact]
    public async Task FetchAsync_RedirectToDisallowedPath_BlockedWithoutRequest()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Path.Value switch
        {
            "/robots.txt" => WriteAsync(context, 200, "User-agent: *\nDisallow: /private\n", "text/plain"),
            "/go" => Redirect(context, 302, "/private/page"),
            _ => WriteAsync(context, 200, "secret"),
        });

        var result = await FetchOnceAsync(server, "/go");

        Assert.Equal(FetchOutcome.Blocked, result.Outcome);
        Assert.Equal(server.Url("/private/page"), result.FinalUrl);
        Assert.Equal(["/robots.txt", "/go"], server.RequestedPaths);
    }

    [Theory]
    [InlineData("ftp://files.example.org/a.pdf", "unsupported scheme ftp")]
    [InlineData("mailto:editor@example.org", "unsupported scheme mailto")]
    public async Task FetchAsync_NonHttpUrl_SkippedWithoutRequest(string url, string error)
    {
        using var http = FetchHttpClientBuilder.Create(Fast);
        var fetcher = new PageFetcher(http, Fast, TimeProvider.System);

        var result = await fetcher.FetchAsync(new Uri(url), CancellationToken.None);

        Assert.Equal(FetchOutcome.Skipped, result.Outcome);
        Assert.Equal(error, result.Error);
        Assert.Equal(0, result.StatusCode);
    }

    [Fact]
    public async Task FetchAsync_ConditionalHeadersMatch_NotModified()
    {
        var lastModified = new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                return NoRobots(context);
            }

            context.Response.Headers.ETag = "\"v1\"";
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            context.Response.Headers.LastModified = lastModified.ToString("R");
            return WriteAsync(context, 200, "article");
        });
        using var http = FetchHttpClientBuilder.Create(Fast);
        var fetcher = new PageFetcher(http, Fast, TimeProvider.System);

        var first = await fetcher.FetchAsync(server.Url("/news/1"), CancellationToken.None);
        var second = await fetcher.FetchAsync(server.Url("/news/1"), new ConditionalHeaders(first.ETag, first.LastModified), CancellationToken.None);

        Assert.Equal(FetchOutcome.Ok, first.Outcome);
        Assert.Equal(FetchOutcome.NotModified, second.Outcome);
        Assert.True(second.IsSuccess);
        Assert.Equal(304, second.StatusCode);
        Assert.Empty(second.Body);
        Assert.Equal("\"v1\"", second.ETag);
        Assert.Equal(lastModified, second.LastModified);
        var conditional = server.Requests.Last();
        Assert.Equal("\"v1\"", conditional.Headers["If-None-Match"]);
        Assert.Equal(lastModified.ToString("R"), conditional.Headers["If-Modified-Since"]);
    }

    [Fact]
    public async Task FetchAsync_DeclaredLengthOverLimit_TooLarge()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? NoRobots(context) : WriteBytesAsync(context, new byte[5000], "text/html"));

        var result = await FetchOnceAsync(server, "/big", Fast with { MaxResponseBytes = 1024 });

        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Equal("response larger than 1 KB", result.Error);
        Assert.Equal(200, result.StatusCode);
        Assert.Empty(result.Body);
    }

    [Fact]
    public async Task FetchAsync_StreamedBodyOverLimit_TooLarge()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                await NoRobots(context);
                return;
            }

            // No Content-Length: the cap must be enforced while reading.
            context.Response.ContentType = "text/html";
            for (var i = 0; i < 10; i++)
            {
                await context.Response.Body.WriteAsync(new byte[1000]);
                await context.Response.Body.FlushAsync();
            }
        });

        var result = await FetchOnceAsync(server, "/chunked", Fast with { MaxResponseBytes = 4096 });

        Assert.Equal(FetchOutcome.TooLarge, result.Outcome);
        Assert.Equal("response larger than 4 KB", result.Error);
    }

    [Fact]
    public async Task FetchAsync_BodyExactlyAtLimit_Ok()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? NoRobots(context) : WriteBytesAsync(context, new byte[1024], "text/html"));

        var result = await FetchOnceAsync(server, "/fits", Fast with { MaxResponseBytes = 1024 });

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal(1024, result.Body.Length);
    }

    [Fact]
    public async Task FetchAsync_ServiceUnavailableThenOk_RetriedSuccessfully()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                return NoRobots(context);
            }

            return Interlocked.Increment(ref calls) == 1 ? WriteAsync(context, 503, "busy") : WriteAsync(context, 200, "finally");
        });

        var result = await FetchOnceAsync(server, "/flaky");

        Assert.Equal(FetchOutcome.Ok, result.Outcome);
        Assert.Equal("finally", result.DecodeText());
        Assert.Equal(2, server.CountOf("/flaky"));
    }

    [Fact]
    public async Task FetchAsync_NotFound_NotRetried()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? NoRobots(context) : WriteAsync(context, 404, "gone"));

        var result = await FetchOnceAsync(server, "/missing");

        Assert.Equal(FetchOutcome.HttpError, result.Outcome);
        Assert.Equal(404, result.StatusCode);
        Assert.Equal("HTTP 404 Not Found", result.Error);
        Assert.Equal(1, server.CountOf("/missing"));
    }

    [Fact]
    public async Task FetchAsync_ServerErrorEveryTime_GivesUpAfterMaxRetries()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? NoRobots(context) : WriteAsync(context, 502, "bad gateway"));

        var result = await FetchOnceAsync(server, "/down", Fast with { MaxRetries = 3 });

        Assert.Equal(FetchOutcome.HttpError, result.Outcome);
        Assert.Equal(502, result.StatusCode);
        Assert.Equal(4, server.CountOf("/down"));
    }

    [Fact]
    public async Task FetchAsync_ConnectionDropped_NetworkErrorAfterRetries()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                return NoRobots(context);
            }

            context.Abort();
            return Task.CompletedTask;
        });

        var result = await FetchOnceAsync(server, "/drop");

        Assert.Equal(FetchOutcome.NetworkError, result.Outcome);
        Assert.Equal(0, result.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.DoesNotContain('\n', result.Error);
        Assert.Equal(1 + Fast.MaxRetries, server.CountOf("/drop"));
    }

    [Fact]
    public async Task FetchAsync_NothingListening_ReturnsFailureInsteadOfThrowing()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = FetchHttpClientBuilder.Create(Fast);
        var fetcher = new PageFetcher(http, Fast, TimeProvider.System);

        var result = await fetcher.FetchAsync(new Uri($"http://127.0.0.1:{port}/news/1"), CancellationToken.None);

        // No answer at all: the message says the host could not be reached, and the host is refused for this run.
        Assert.Equal(FetchOutcome.NetworkError, result.Outcome);
        Assert.True(result.HostUnavailable);
        Assert.StartsWith($"host 127.0.0.1:{port} could not be reached (", result.Error);
        Assert.DoesNotContain("robots.txt", result.Error);
    }

    [Fact]
    public async Task FetchAsync_RobotsServerError_IsHostUnavailableNotAPageFailure()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? WriteAsync(context, 503, "busy", "text/plain") : WriteAsync(context, 200, "page"));
        using var http = FetchHttpClientBuilder.Create(Fast);
        var fetcher = new PageFetcher(http, Fast, TimeProvider.System);

        var result = await fetcher.FetchAsync(server.Url("/news/1"), CancellationToken.None);

        Assert.Equal(FetchOutcome.Blocked, result.Outcome);
        Assert.True(result.HostUnavailable);
        Assert.StartsWith("robots.txt unavailable (HTTP 503", result.Error);
    }

    [Fact]
    public async Task FetchAsync_ContentTypeNotAccepted_SkipsWithoutReadingBody()
    {
        var big = new string('x', 1024 * 1024);
        await using var server = await LoopbackServer.StartAsync(context =>
            context.Request.Path == "/robots.txt" ? NoRobots(context) : WriteAsync(context, 200, big, "application/pdf"));
        var options = Fast with { AcceptedMediaTypes = FetchOptions.CrawlableMediaTypes, MaxResponseBytes = 1024 };
        using var http = FetchHttpClientBuilder.Create(options);
        var fetcher = new PageFetcher(http, options, TimeProvider.System);

        var result = await fetcher.FetchAsync(server.Url("/report"), CancellationToken.None);

        // Skipped by its type, not refused as too large: the body was never read.
        Assert.Equal(FetchOutcome.Skipped, result.Outcome);
        Assert.Equal("not a page (application/pdf)", result.Error);
        Assert.Equal("application/pdf", result.ContentType);
        Assert.Empty(result.Body);
        Assert.False(result.HostUnavailable);
    }

    private static Task Redirect(HttpContext context, int status, string location)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
