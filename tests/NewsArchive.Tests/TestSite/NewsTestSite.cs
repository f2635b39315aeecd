using System.Collections.Frozen;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsArchive.Tests.TestSite;

/// <summary>
/// An ABReview-style trade-news site served by Kestrel on <c>http://127.0.0.1:{random port}/</c>, rendered
/// from <see cref="TestSiteCatalog"/>. Each instance has its own copy of the articles, which tests may change
/// (<see cref="SetViews"/>, <see cref="AddArticle"/>, <see cref="UpdateArticle"/>) to simulate a revisit.
/// </summary>
public sealed class NewsTestSite : IAsyncDisposable
{
    private const string HtmlUtf8 = "text/html; charset=utf-8";
    private const string PixelPngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    private static readonly FrozenDictionary<string, (string Title, string Text)> _simplePages = new Dictionary<string, (string Title, string Text)>(StringComparer.Ordinal)
    {
        ["/ab/analytics/"] = ("Аналитика", "Раздел обновляется. Материалы появятся в ближайшее время."),
        ["/ab/ratings/"] = ("Рейтинги", "Раздел обновляется. Материалы появятся в ближайшее время."),
        ["/ab/events/"] = ("Мероприятия", "Ближайшие конференции ABReview будут объявлены дополнительно."),
        ["/contacts/"] = ("Контакты", "Редакция ABReview: info@abreview.ru."),
        ["/auth/"] = ("Авторизация", "Введите логин и пароль."),
        [TestSiteCatalog.DisallowedPath] = ("Закрытый раздел", "Материалы этого раздела доступны только подписчикам."),
        [TestSiteCatalog.PrivateReportPath] = ("Закрытый отчёт", "Полная версия исследования доступна только подписчикам."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly Lock _gate = new();
    private readonly List<TestRequest> _requests = [];
    private readonly Dictionary<string, TestArticle> _articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RequestDelegate> _overrides = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private readonly Encoding _windows1251;
    private readonly Encoding _utf8 = new UTF8Encoding(false);
    private TestSiteSnapshot? _snapshot;
    private Uri _baseUri = new("http://127.0.0.1/");
    private int _inFlight;
    private int _maxInFlight;
    private string? _robots;
    private bool _linkFeed = true;

    private NewsTestSite(WebApplication app)
    {
        _app = app;
        _windows1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)
            ?? throw new InvalidOperationException("windows-1251 is not available.");
        foreach (var article in TestSiteCatalog.Articles)
        {
            _articles.Add(article.Path, article);
        }
    }

    /// <summary>Root of the site, e.g. <c>http://127.0.0.1:54321/</c> (always ends with a slash).</summary>
    public Uri BaseUri
    {
        get
        {
            lock (_gate)
            {
                return _baseUri;
            }
        }
    }

    /// <summary>Path and query of every request received so far, in arrival order (a snapshot copy).</summary>
    public IReadOnlyList<string> RequestLog
    {
        get
        {
            lock (_gate)
            {
                return _requests.Select(r => r.PathAndQuery).ToList();
            }
        }
    }

    /// <summary>Every request received so far with method and conditional/user-agent headers (a snapshot copy).</summary>
    public IReadOnlyList<TestRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The largest number of requests the site was serving at the same time.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    /// <summary>The site's current articles (catalogue plus additions, with current counters), newest first.</summary>
    public IReadOnlyList<TestArticle> Articles => Snapshot().Articles;

    /// <summary>Number of listing pages (<c>/ab/news/?PAGEN_1=n</c>) currently served.</summary>
    public int ListingPageCount => Snapshot().ListingPageCount;

    /// <summary>Starts the site on a free loopback port.</summary>
    public static async Task<NewsTestSite> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(NewsTestSite).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        var site = new NewsTestSite(app);
        app.Run(site.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        lock (site._gate)
        {
            site._baseUri = new Uri(address.TrimEnd('/') + "/");
            site._snapshot = null;
        }

        return site;
    }

    /// <summary>How many requests had exactly this path and query, e.g. <c>/ab/news/?PAGEN_1=2</c>.</summary>
    public int CountRequests(string pathAndQuery)
    {
        lock (_gate)
        {
            return _requests.Count(r => string.Equals(r.PathAndQuery, pathAndQuery, StringComparison.Ordinal));
        }
    }

    /// <summary>Forgets the requests received so far (e.g. between a first run and a revisit).</summary>
    public void ClearRequestLog()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    /// <summary>Absolute URL of a site path.</summary>
    public Uri UriFor(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <summary>The site's current version of the article at <paramref name="articlePath"/>.</summary>
    public TestArticle GetArticle(string articlePath) =>
        Snapshot().Find(articlePath) ?? throw new KeyNotFoundException($"No article at '{articlePath}'.");

    /// <summary>Changes the views counter of an article (its ETag changes, its Last-Modified does not).</summary>
    public void SetViews(string articlePath, int views) => Change(articlePath, a => a with { Views = views });

    /// <summary>Changes the comments counter of an article (that many comments are rendered).</summary>
    public void SetComments(string articlePath, int comments) => Change(articlePath, a => a with { Comments = comments });

    /// <summary>Adds an article: it appears in the listing, feed, sitemap and sidebars by its date.</summary>
    public void AddArticle(TestArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (!article.Path.StartsWith('/') || !article.Path.EndsWith('/'))
        {
            throw new ArgumentException("An article path starts and ends with '/'.", nameof(article));
        }

        lock (_gate)
        {
            if (!_articles.TryAdd(article.Path, article))
            {
                throw new ArgumentException($"An article already exists at '{article.Path}'.", nameof(article));
            }

            _snapshot = null;
        }
    }

    /// <summary>Replaces the article with the same path (an edit; set <see cref="TestArticle.Updated"/> to move Last-Modified).</summary>
    public void UpdateArticle(TestArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        Change(article.Path, _ => article);
    }

    /// <summary>Serves this text as robots.txt instead of the default; null restores the default.</summary>
    public void SetRobots(string? robotsText)
    {
        lock (_gate)
        {
            _robots = robotsText;
        }
    }

    /// <summary>Answers GET requests for <paramref name="path"/> with <paramref name="handler"/> instead of the site's own page (hostile answers).</summary>
    public void Override(string path, RequestDelegate handler)
    {
        lock (_gate)
        {
            _overrides[path] = handler;
        }
    }

    /// <summary>The UTF-8 page the site serves for an article, for handlers that serve it altered.</summary>
    public byte[] ArticlePageBytes(string articlePath)
    {
        var site = Snapshot();
        return _utf8.GetBytes(TestSiteHtml.ArticlePage(site.Find(articlePath) ?? throw new KeyNotFoundException(articlePath), site));
    }

    /// <summary>Whether pages link the RSS feed with <c>&lt;link rel="alternate"&gt;</c> (default true).</summary>
    public void SetFeedLinked(bool linked)
    {
        lock (_gate)
        {
            _linkFeed = linked;
            _snapshot = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    private static bool IsNotModified(HttpRequest request, string etag, DateTimeOffset lastModified)
    {
        var ifNoneMatch = Header(request, "If-None-Match");
        if (ifNoneMatch is not null)
        {
            return ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t =>
                t == "*" || string.Equals(t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t, etag, StringComparison.Ordinal));
        }

        var ifModifiedSince = Header(request, "If-Modified-Since");
        return ifModifiedSince is not null
            && DateTimeOffset.TryParseExact(ifModifiedSince, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && lastModified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    private static Task WriteAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private void Change(string articlePath, Func<TestArticle, TestArticle> change)
    {
        lock (_gate)
        {
            if (!_articles.TryGetValue(articlePath, out var article))
            {
                throw new KeyNotFoundException($"No article at '{articlePath}'.");
            }

            var changed = change(article);
            if (changed.Path != articlePath)
            {
                throw new ArgumentException("The path of an article cannot change.", nameof(change));
            }

            _articles[articlePath] = changed;
            _snapshot = null;
        }
    }

    private TestSiteSnapshot Snapshot()
    {
        lock (_gate)
        {
            return _snapshot ??= new TestSiteSnapshot(
                _baseUri,
                _articles.Values.OrderByDescending(a => a.Published).ThenByDescending(a => a.Id).ToList(),
                _linkFeed);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var entry = new TestRequest(
            request.Method,
            request.Path.ToUriComponent() + request.QueryString.ToUriComponent(),
            Header(request, "User-Agent"),
            Header(request, "If-None-Match"),
            Header(request, "If-Modified-Since"));
        lock (_gate)
        {
            _requests.Add(entry);
        }

        var inFlight = Interlocked.Increment(ref _inFlight);
        var max = Volatile.Read(ref _maxInFlight);
        while (inFlight > max && Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) != max)
        {
            max = Volatile.Read(ref _maxInFlight);
        }

        try
        {
            context.Response.Headers["Server"] = "nginx";
            context.Response.Headers["X-Powered-CMS"] = "Bitrix Site Manager (d7a1b4c3e8f6a2d1b0c9e8f7a5f2c9e0)";
            await RouteAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private Task RouteAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            return WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "text/plain; charset=utf-8", _utf8.GetBytes("Method Not Allowed\n"));
        }

        var site = Snapshot();
        var path = request.Path.Value is { Length: > 0 } value ? value : "/";
        string? robots;
        RequestDelegate? custom;
        lock (_gate)
        {
            robots = _robots;
            _overrides.TryGetValue(path, out custom);
        }

        if (custom is not null)
        {
            return custom(context);
        }

        switch (path)
        {
            case TestSiteCatalog.RobotsPath:
                return WriteAsync(context, 200, "text/plain; charset=utf-8", _utf8.GetBytes(robots ?? TestSiteFeeds.Robots(site)));
            case TestSiteCatalog.SitemapPath:
                return WriteConditionalAsync(context, "application/xml; charset=utf-8", TestSiteFeeds.Sitemap(site));
            case TestSiteCatalog.FeedPath:
                return WriteConditionalAsync(context, "application/rss+xml; charset=utf-8", TestSiteFeeds.Rss(site));
            case TestSiteCatalog.FeedAsHtmlPath:
                return WriteConditionalAsync(context, HtmlUtf8, TestSiteFeeds.Rss(site));
            case TestSiteCatalog.AtomPath:
                return WriteConditionalAsync(context, "application/atom+xml; charset=utf-8", TestSiteFeeds.Atom(site));
            case TestSiteCatalog.RdfPath:
                return WriteConditionalAsync(context, "application/rdf+xml; charset=utf-8", TestSiteFeeds.Rdf(site));
            case TestSiteCatalog.MalformedFeedPath:
                return WriteConditionalAsync(context, "application/rss+xml; charset=utf-8", TestSiteFeeds.MalformedRss(site));
            case TestSiteCatalog.SitemapIndexPath:
                return WriteConditionalAsync(context, "application/xml; charset=utf-8", TestSiteFeeds.SitemapIndex(site));
            case TestSiteCatalog.NewsSitemapPath:
                return WriteConditionalAsync(context, "application/xml; charset=utf-8", TestSiteFeeds.NewsSitemap(site));
            case TestSiteCatalog.GzipSitemapPath:
                return WriteConditionalAsync(context, "application/x-gzip", TestSiteFeeds.GzipSitemap(site));
            case TestSiteCatalog.OldSitemapPath:
                return WriteConditionalAsync(context, "application/xml; charset=utf-8", TestSiteFeeds.OldSitemap(site));
            case TestSiteCatalog.HomePath:
                return WriteConditionalAsync(context, HtmlUtf8, _utf8.GetBytes(TestSiteHtml.HomePage(site)));
            case TestSiteCatalog.ListingPath:
                var page = int.TryParse(request.Query[TestSiteCatalog.ListingPageParameter], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
                return WriteConditionalAsync(context, HtmlUtf8, _utf8.GetBytes(TestSiteHtml.ListingPage(page, site)));
            case TestSiteCatalog.LentaPath:
                return WriteConditionalAsync(context, HtmlUtf8, _utf8.GetBytes(TestSiteHtml.LentaPage(1, site)));
            case TestSiteCatalog.SlowPath:
                return SlowAsync(context, site);
            case TestSiteCatalog.ErrorPath:
                return WriteHtmlAsync(context, 500, TestSiteHtml.ErrorPage());
            case TestSiteCatalog.BrokenPath:
                return WriteHtmlAsync(context, 200, TestSiteHtml.BrokenPage(site));
        }

        if (_simplePages.TryGetValue(path, out var simple))
        {
            return WriteHtmlAsync(context, 200, TestSiteHtml.SimplePage(site, simple.Title, simple.Text));
        }

        if (path.StartsWith("/upload/", StringComparison.Ordinal) && path.EndsWith(".png", StringComparison.Ordinal))
        {
            return WriteAsync(context, 200, "image/png", Convert.FromBase64String(PixelPngBase64));
        }

        if (path.StartsWith(TestSiteCatalog.LentaPath + "page/", StringComparison.Ordinal)
            && int.TryParse(path[(TestSiteCatalog.LentaPath.Length + 5)..].TrimEnd('/'), NumberStyles.None, CultureInfo.InvariantCulture, out var lentaPage))
        {
            return WriteConditionalAsync(context, HtmlUtf8, _utf8.GetBytes(TestSiteHtml.LentaPage(lentaPage, site)));
        }

        if (site.Find(path) is { } article)
        {
            return WriteArticleAsync(context, article, site);
        }

        if (path.StartsWith(TestSiteCatalog.ListingPath, StringComparison.Ordinal)
            && int.TryParse(path[TestSiteCatalog.ListingPath.Length..].TrimEnd('/'), NumberStyles.None, CultureInfo.InvariantCulture, out var aliasId)
            && site.Articles.FirstOrDefault(a => a.Id == aliasId) is { } aliased)
        {
            return WriteArticleAsync(context, aliased, site);
        }

        if (!path.EndsWith('/') && site.Find(path + "/") is not null)
        {
            context.Response.Headers.Location = path + "/" + request.QueryString.ToUriComponent();
            return WriteHtmlAsync(context, StatusCodes.Status301MovedPermanently, "<html><body>Moved Permanently</body></html>\n");
        }

        return WriteHtmlAsync(context, 404, TestSiteHtml.NotFoundPage(site));
    }

    private Task WriteHtmlAsync(HttpContext context, int status, string html) =>
        WriteAsync(context, status, HtmlUtf8, _utf8.GetBytes(html));

    /// <summary>200 with an ETag made from the bytes, or 304 when the client already has them.</summary>
    private static Task WriteConditionalAsync(HttpContext context, string contentType, byte[] body)
    {
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body))[..20] + "\"";
        context.Response.Headers.ETag = etag;
        if (IsNotModified(context.Request, etag, DateTimeOffset.MaxValue))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        return WriteAsync(context, 200, contentType, body);
    }

    private Task WriteArticleAsync(HttpContext context, TestArticle article, TestSiteSnapshot site)
    {
        var first = CountRequests(context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent()) <= 1;
        switch (article.Behavior)
        {
            case TestResponseBehavior.TooManyRequestsOnce when first:
                context.Response.Headers.RetryAfter = "1";
                return WriteAsync(context, StatusCodes.Status429TooManyRequests, "text/plain; charset=utf-8", _utf8.GetBytes("Too Many Requests\n"));
            case TestResponseBehavior.UnavailableOnce when first:
                return WriteHtmlAsync(context, StatusCodes.Status503ServiceUnavailable, TestSiteHtml.ErrorPage());
            case TestResponseBehavior.ResetOnce when first:
                context.Abort();
                return Task.CompletedTask;
            case TestResponseBehavior.Hang:
                return HangAsync(context);
            case TestResponseBehavior.RedirectLoop:
                context.Response.Headers.Location = context.Request.QueryString.HasValue ? article.Path : article.Path + "?r=1";
                return WriteHtmlAsync(context, StatusCodes.Status302Found, "<html><body>Found</body></html>\n");
            case TestResponseBehavior.Huge:
                return WriteHugeAsync(context);
            case TestResponseBehavior.Pdf:
                return WriteAsync(context, 200, "application/pdf", _utf8.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
            case TestResponseBehavior.JsShell:
            case TestResponseBehavior.JsShellOnce when first:
                return WriteHtmlAsync(context, 200, TestSiteHtml.JsShellPage(article));
        }

        return WriteArticlePageAsync(context, article, site);
    }

    private async Task HangAsync(HttpContext context)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, or the site is stopping.
        }
    }

    private static async Task WriteHugeAsync(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = HtmlUtf8;
        var chunk = Encoding.ASCII.GetBytes("<p>" + new string('x', 64 * 1024 - 8) + "</p>\n");
        try
        {
            await context.Response.WriteAsync("<!DOCTYPE html><html><body>", context.RequestAborted).ConfigureAwait(false);
            for (var written = 0L; written < 20L * 1024 * 1024; written += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client stopped reading at its size cap.
        }
    }

    private Task WriteArticlePageAsync(HttpContext context, TestArticle article, TestSiteSnapshot site)
    {
        var windows1251 = string.Equals(article.Encoding, "windows-1251", StringComparison.OrdinalIgnoreCase);
        var bytes = (windows1251 ? _windows1251 : _utf8).GetBytes(TestSiteHtml.ArticlePage(article, site));
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..20] + "\"";
        var lastModified = article.Updated ?? article.Published;
        context.Response.Headers.ETag = etag;
        context.Response.Headers.LastModified = TestSiteDates.Http(lastModified);
        context.Response.Headers.CacheControl = "private, max-age=0";
        if (IsNotModified(context.Request, etag, lastModified))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        // The windows-1251 page deliberately declares its charset only in the markup.
        return WriteAsync(context, 200, windows1251 ? "text/html" : HtmlUtf8, bytes);
    }

    private async Task SlowAsync(HttpContext context, TestSiteSnapshot site)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(TestSiteCatalog.SlowDelay, cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await WriteHtmlAsync(context, 200, TestSiteHtml.SimplePage(site, "Медленная страница", "Ответ сервера задержан.")).ConfigureAwait(false);
    }
}
