using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NewsArchive.Tests.TestSite;

public sealed partial class NewsTestSiteTests
{
    private static readonly Encoding _windows1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)!;

    [Fact]
    public async Task StartAsync_FreePort_ServesOnLoopback()
    {
        await using var site = await NewsTestSite.StartAsync();

        Assert.Equal("127.0.0.1", site.BaseUri.Host);
        Assert.NotEqual(0, site.BaseUri.Port);
        Assert.EndsWith("/", site.BaseUri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListingPage1_Get_LinksNewestFiveArticlesAndNextPage()
    {
        await using var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);

        var html = await client.GetStringAsync(TestSiteCatalog.ListingPath);

        var expected = TestSiteCatalog.Articles.Take(TestSiteCatalog.ListingPageSize).Select(a => a.Path).ToList();
        Assert.Equal(expected, ArticleLinks(html, "news-list"));
        Assert.Contains("href=\"/ab/news/?PAGEN_1=2\">След.</a>", html, StringComparison.Ordinal);
        Assert.Contains(TestSiteCatalog.Articles[1].Path + TestSiteCatalog.ListingTrackingQuery, html, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSiteCatalog.Articles[TestSiteCatalog.ListingPageSize].Path, ListBlock(html, "news-list"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListingPage2_Get_LinksNextFiveArticles()
    {
        await using var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);

        var html = await client.GetStringAsync(TestSiteCatalog.ListingPagePath(2));

        var expected = TestSiteCatalog.Articles.Skip(5).Take(5).Select(a => a.Path).ToList();
        Assert.Equal(expected, ArticleLinks(html, "news-list"));
        Assert.Contains("href=\"/ab/news/?PAGEN_1=3\">След.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"modern-page-current\">2</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListingPage_BeyondLast_ShowsLastPageWithoutNextLink()
    {
        await using var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);

        var last = await client.GetStringAsync(TestSiteCatalog.ListingPagePath(site.ListingPageCount));
        var beyond = await client.GetStringAsync(TestSiteCatalog.ListingPagePath(site.ListingPageCount + 5));

        Assert.Equal(ArticleLinks(last, "news-list"), ArticleLinks(beyond, "news-list"));
        Assert.DoesNotContain("След.", beyond, StringComparison.Ordinal);
        Assert.Equal((TestSiteCatalog.Articles.Count + TestSiteCatalog.ListingPageSize - 1) / TestSiteCatalog.ListingPageSize, site.ListingPageCount);
    }

    [Fact]
    public async Task Robots_Get_DisallowsPrivateAndBitrixAndNamesSitemap()
    {
        await using var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);

        var robots = await client.GetStringAsync(TestSiteCatalog.RobotsPath);

        var lines = robots.Split('\n');
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Disallow: /ab/private/", lines);
        Assert.Contains("Disallow: /bitrix/", lines);
        Assert.Contains($"Sitemap: {site.BaseUri}sitemap.xml", lines);
    }

    [Fact]
    public async Task Windows1251Article_Get_NoHeaderCharsetAndBytesDecodeWith1251()
    {
        await using var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);
        var article = TestSiteCatalog.Get(TestSiteCatalog.Windows1251ArticlePath);

        using var response = await client.GetAsync(TestSiteCatalog.Windows1251ArticlePath);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentType?.CharSet);
        var html = _windows1251.GetString(bytes);
        Assert.Contains("charset=windows-1251", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{article.Title}</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(article.Title, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal("windows-1251", article.Encoding);
    }

    [Fact]
    public async Task Feed_Get_ParsesAsRssWithNewestItemsAndPubDates()
    {
        await using var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);

        using var response = await client.GetAsync(TestSiteCatalog.FeedPath);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2.0", document.Root?.Attribute("version")?.Value);
        var items = document.Descendants("item").ToList();
        Assert.Equal(TestSiteCatalog.FeedItemCount, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var article = TestSiteCatalog.Articles[i];
            Assert.Equal(article.Title, items[i].Element("title")?.Value);
            Assert.Equal(new Uri(site.BaseUri, article.Path).AbsoluteUri, items[i].Element("link")?.Value);
            var pubDate = items[i].Element("pubDate")?.Value ?? string.Empty;
            Assert.EndsWith(" +0300", pubDate, StringComparison.Ordinal);
            var parsed = DateTimeOffset.ParseExact(pubDate.Replace(" +0300", " +03:00", StringComparison.Ordinal), "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);
            Assert.Equal(article.Published, parsed);
        }
    }

    [Fact]
    public async Task FeedAsHtml_Get_ServesSameXmlAsTextHtml()
    {
        await using var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);

        var feed = await client.GetByteArrayAsync(TestSiteCatalog.FeedPath);
        using var response = await client.GetAsync(TestSiteCatalog.FeedAsHtmlPath);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(feed, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Sitemap_Get_ListsEveryArticleWithLastmod()
    {
        await using var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);

        var document = XDocument.Parse(await client.GetStringAsync(TestSiteCatalog.SitemapPath));

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = document.Descendants(ns + "url").ToList();
        Assert.Equal(TestSiteCatalog.Articles.Count, urls.Count);
        Assert.All(urls, u => Assert.True(DateTimeOffset.TryParse(u.Element(ns + "lastmod")?.Value, CultureInfo.InvariantCulture, out _)));
        Assert.Equal(
            TestSiteCatalog.Articles.Select(a => new Uri(site.BaseUri, a.Path).AbsoluteUri).Order(),
            urls.Select(u => u.Element(ns + "loc")?.Value).Order());
    }

    [Fact]
    public async Task ArticlePages_Get_ContainTitleBodyRelatedLinksAndAllChrome()
    {
        await using var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);

        foreach (var article in TestSiteCatalog.Articles)
        {
            using var response = await client.GetAsync(article.Path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var html = (article.Encoding == "windows-1251" ? _windows1251 : Encoding.UTF8).GetString(bytes);
            var text = PlainText(html);

            Assert.Contains($"<title>{article.Title}{TestSiteCatalog.TitleSuffix}</title>", html, StringComparison.Ordinal);
            Assert.Contains($"<h1>{article.Title}</h1>", html, StringComparison.Ordinal);
            Assert.Contains($"<span class=\"news-date-time\">{article.VisibleDate}</span>", html, StringComparison.Ordinal);
            Assert.Contains(article.Lead, text, StringComparison.Ordinal);
            Assert.All(article.BodyParagraphs, p => Assert.Contains(p, text, StringComparison.Ordinal));
            Assert.All(article.BodyLinks, l => Assert.Contains($"href=\"{l.Href}\"", html, StringComparison.Ordinal));
            Assert.Equal(article.HasPublishedTimeMeta, html.Contains("article:published_time", StringComparison.Ordinal));
            Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\"", html, StringComparison.Ordinal);
            Assert.Contains($"<i class=\"icon icon-eye\"></i> {article.Views}</span>", html, StringComparison.Ordinal);
            Assert.Contains($"<i class=\"icon icon-comment\"></i> {article.Comments}</span>", html, StringComparison.Ordinal);

            Assert.NotEmpty(article.RelatedPaths);
            var related = ListBlock(html, "news-related");
            Assert.Equal(article.RelatedPaths, ArticleLinks(html, "news-related"));
            Assert.All(article.RelatedPaths, p => Assert.Contains(TestSiteCatalog.Get(p).Title, related, StringComparison.Ordinal));

            Assert.All(TestSiteCatalog.ChromeStrings, chrome => Assert.Contains(chrome, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Catalog_ArticleText_ContainsNoChromeOrCommentText()
    {
        var forbidden = TestSiteCatalog.ChromeStrings.Concat(TestSiteCatalog.CommentTexts).ToList();
        foreach (var article in TestSiteCatalog.Articles.Append(TestSiteCatalog.BrokenArticle))
        {
            foreach (var text in article.BodyParagraphs.Append(article.Lead).Append(article.Title))
            {
                Assert.All(forbidden, f => Assert.DoesNotContain(f, text, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public void Catalog_Articles_AreConsistent()
    {
        var articles = TestSiteCatalog.Articles;
        var paths = articles.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);

        Assert.True(articles.Count >= 14);
        Assert.Equal(articles.Count, paths.Count);
        Assert.Equal(articles.Count, articles.Select(a => a.Id).Distinct().Count());
        Assert.Equal(articles.OrderByDescending(a => a.Published).Select(a => a.Path), articles.Select(a => a.Path));
        Assert.Contains(TestSiteCatalog.Windows1251ArticlePath, paths);
        Assert.Contains(TestSiteCatalog.BodyLinksArticlePath, paths);
        Assert.Contains(TestSiteCatalog.OldDateInBody, string.Join("\n", TestSiteCatalog.Get(TestSiteCatalog.OldDateInBodyArticlePath).BodyParagraphs), StringComparison.Ordinal);
        Assert.Contains(TestSiteCatalog.PrivateReportPath, TestSiteCatalog.Get(TestSiteCatalog.BodyLinksArticlePath).BodyLinks.Select(l => l.Href));
        Assert.Contains(articles, a => a.BodyLayout == TestBodyLayout.LineBreaks && a.Encoding == "utf-8");
        Assert.Contains(articles, a => a.HasPublishedTimeMeta);
        Assert.Contains(articles, a => !a.HasPublishedTimeMeta);
        Assert.True(articles.Count(a => a.RelatedPaths.Count >= 2) >= 3);
        foreach (var article in articles)
        {
            Assert.StartsWith("/ab/news/", article.Path, StringComparison.Ordinal);
            Assert.EndsWith("/", article.Path, StringComparison.Ordinal);
            Assert.Equal(TimeSpan.FromHours(3), article.Published.Offset);
            Assert.InRange(article.Published, TestSiteCatalog.ReferenceNow.AddDays(-22), TestSiteCatalog.ReferenceNow);
            Assert.InRange(article.BodyParagraphs.Count, 3, 7);
            Assert.All(article.RelatedPaths, p => Assert.Contains(p, paths));
            Assert.DoesNotContain(article.Path, article.RelatedPaths);
            Assert.All(article.BodyLinks, l => Assert.Single(article.BodyParagraphs, p => p.Contains(l.Text, StringComparison.Ordinal)));
            Assert.All(article.BodyLinks.Where(l => l.Href.StartsWith("/ab/news/", StringComparison.Ordinal)), l => Assert.Contains(l.Href, paths));
        }

        var strict = CodePagesEncodingProvider.Instance.GetEncoding(1251, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
        var windows1251 = TestSiteCatalog.Get(TestSiteCatalog.Windows1251ArticlePath);
        var page = TestSiteHtml.ArticlePage(windows1251, new TestSiteSnapshot(new Uri("http://127.0.0.1:1/"), articles));
        Assert.Equal(page, _windows1251.GetString(strict.GetBytes(page)));
    }

    [Fact]
    public void Catalog_Bodies_HoldWordFormsForSearchTests()
    {
        var bodies = TestSiteCatalog.Articles.Select(a => string.Join("\n", a.BodyParagraphs)).ToList();

        foreach (var form in new[] { "электромобилей", "электромобили", "электромобилем", "дилеров", "дилерам", "дилерский центр" })
        {
            Assert.Contains(bodies, b => b.Contains(form, StringComparison.Ordinal));
        }

        Assert.True(bodies.Count(b => b.Contains("электромобил", StringComparison.OrdinalIgnoreCase)) >= 3);
        Assert.True(bodies.Count(b => b.Contains("дилер", StringComparison.OrdinalIgnoreCase)) >= 5);
    }

    [Fact]
    public async Task Article_IfNoneMatchMatches_Returns304()
    {
        await using var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);
        var path = TestSiteCatalog.Articles[2].Path;

        using var first = await client.GetAsync(path);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        using var byDate = new HttpRequestMessage(HttpMethod.Get, path);
        byDate.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        using var third = await client.SendAsync(byDate);
        Assert.Equal(HttpStatusCode.NotModified, third.StatusCode);
    }

    [Fact]
    public async Task SetViews_ThenGet_ShowsNewCounterAndNewETag()
    {
        await using var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);
        var article = TestSiteCatalog.Articles[1];

        using var before = await client.GetAsync(article.Path);
        site.SetViews(article.Path, 7777);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, article.Path);
        conditional.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("<i class=\"icon icon-eye\"></i> 7777</span>", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(7777, site.GetArticle(article.Path).Views);
        Assert.Equal(article.Views, TestSiteCatalog.Get(article.Path).Views);
    }

    [Fact]
    public async Task AddArticle_ThenGet_ArticleLeadsListingAndFeed()
    {
        await using var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);
        var added = TestSiteCatalog.Articles[0] with
        {
            Path = "/ab/news/rynok/novaya-statya/",
            Id = 218800,
            Title = "Новая статья о рынке",
            Published = TestSiteCatalog.ReferenceNow.AddMinutes(30),
            RelatedPaths = [TestSiteCatalog.Articles[0].Path],
        };

        site.AddArticle(added);
        var listing = await client.GetStringAsync(TestSiteCatalog.ListingPath);
        var feed = XDocument.Parse(await client.GetStringAsync(TestSiteCatalog.FeedPath));

        Assert.Equal(added.Path, ArticleLinks(listing, "news-list")[0]);
        Assert.Equal(added.Title, feed.Descendants("item").First().Element("title")?.Value);
        Assert.Equal(TestSiteCatalog.Articles.Count + 1, site.Articles.Count);
    }

    [Fact]
    public async Task RequestLog_AfterGets_RecordsPathAndQueryInOrder()
    {
        await using var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);

        await client.GetStringAsync(TestSiteCatalog.ListingPagePath(2));
        await client.GetStringAsync(TestSiteCatalog.RobotsPath);
        await client.GetStringAsync(TestSiteCatalog.ListingPagePath(2));

        Assert.Equal(["/ab/news/?PAGEN_1=2", "/robots.txt", "/ab/news/?PAGEN_1=2"], site.RequestLog);
        Assert.Equal(2, site.CountRequests("/ab/news/?PAGEN_1=2"));
        Assert.Equal(0, site.CountRequests(TestSiteCatalog.DisallowedPath));
        Assert.Equal("NewsArchiveTests/1.0", site.Requests[0].UserAgent);
        site.ClearRequestLog();
        Assert.Empty(site.RequestLog);
    }

    [Fact]
    public async Task SpecialEndpoints_Get_ReturnTheirStatus()
    {
        await using var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);

        using var error = await client.GetAsync(TestSiteCatalog.ErrorPath);
        using var missing = await client.GetAsync(TestSiteCatalog.MissingPath);
        using var privatePage = await client.GetAsync(TestSiteCatalog.PrivateReportPath);
        using var broken = await client.GetAsync(TestSiteCatalog.BrokenPath);
        using var redirect = await client.GetAsync(TestSiteCatalog.Articles[0].Path.TrimEnd('/') + "?utm_source=x");

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, privatePage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        var brokenHtml = await broken.Content.ReadAsStringAsync();
        Assert.Contains(TestSiteCatalog.BrokenArticle.Title, brokenHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("</body>", brokenHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal(TestSiteCatalog.Articles[0].Path + "?utm_source=x", redirect.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SlowPage_ClientGivesUpAfterArrival_ClientCancelsAndSiteStops()
    {
        var site = await NewsTestSite.StartAsync();
        using var client = CreateClient(site);
        using var cancel = new CancellationTokenSource();

        var pending = client.GetAsync(TestSiteCatalog.SlowPath, cancel.Token);
        for (var i = 0; i < 1000 && site.CountRequests(TestSiteCatalog.SlowPath) == 0; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(1, site.CountRequests(TestSiteCatalog.SlowPath));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        await site.DisposeAsync();
    }

    private static HttpClient CreateClient(NewsTestSite site)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = site.BaseUri };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("NewsArchiveTests", "1.0"));
        return client;
    }

    /// <summary>The text of the page: tags removed, entities decoded.</summary>
    private static string PlainText(string html) => WebUtility.HtmlDecode(TagPattern().Replace(html, string.Empty));

    /// <summary>The markup from the element with the given class to the end of its list.</summary>
    private static string ListBlock(string html, string cssClass)
    {
        var start = html.IndexOf($"class=\"{cssClass}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No element with class {cssClass}.");
        var end = html.IndexOf("</ul>", start, StringComparison.Ordinal);
        var listEnd = html.IndexOf("<div class=\"modern-page-navigation\"", start, StringComparison.Ordinal);
        var stop = new[] { end, listEnd }.Where(i => i > start).DefaultIfEmpty(html.Length).Min();
        return html[start..stop];
    }

    /// <summary>Distinct article paths (query removed) linked from a block, in order.</summary>
    private static List<string> ArticleLinks(string html, string cssClass) =>
        HrefPattern().Matches(ListBlock(html, cssClass))
            .Select(m => m.Groups[1].Value.Split('?')[0])
            .Where(p => p.StartsWith("/ab/news/", StringComparison.Ordinal))
            .Distinct()
            .ToList();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();
}
