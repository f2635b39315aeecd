using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace NewsArchive.Tests.TestSite;

/// <summary>Renders the machine-readable documents of the test site: RSS, sitemap, robots.txt.</summary>
internal static class TestSiteFeeds
{
    private static readonly XNamespace _atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace _atomFeed = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace _sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>RSS 2.0 with the newest <see cref="TestSiteCatalog.FeedItemCount"/> articles, UTF-8 bytes.</summary>
    public static byte[] Rss(TestSiteSnapshot site)
    {
        var items = site.Articles.Take(TestSiteCatalog.FeedItemCount).ToList();
        var lastBuild = items.Count > 0 ? items[0].Published : TestSiteCatalog.ReferenceNow;
        var channel = new XElement(
            "channel",
            new XElement("title", "ABReview: автомобильный бизнес"),
            new XElement("link", site.BaseUri.AbsoluteUri),
            new XElement("description", "Лента материалов ABReview о рынке автомобилей, дилерах и производителях"),
            new XElement("language", "ru"),
            new XElement("lastBuildDate", TestSiteDates.Rfc822(lastBuild)),
            new XElement(_atom + "link", new XAttribute("href", site.Absolute(TestSiteCatalog.FeedPath).AbsoluteUri), new XAttribute("rel", "self"), new XAttribute("type", "application/rss+xml")));
        foreach (var article in items)
        {
            var link = site.Absolute(article.Path).AbsoluteUri;
            channel.Add(new XElement(
                "item",
                new XElement("title", article.Title),
                new XElement("link", link),
                new XElement("guid", new XAttribute("isPermaLink", "true"), link),
                new XElement("pubDate", TestSiteDates.Rfc822(article.Published)),
                new XElement("category", article.Section),
                new XElement("description", article.Lead)));
        }

        var rss = new XElement("rss", new XAttribute("version", "2.0"), new XAttribute(XNamespace.Xmlns + "atom", _atom.NamespaceName), channel);
        return Serialize(new XDocument(rss));
    }

    /// <summary>All articles with <c>lastmod</c> (the edit time if any, else the publication time), UTF-8 bytes.</summary>
    public static byte[] Sitemap(TestSiteSnapshot site)
    {
        var urlset = new XElement(_sitemap + "urlset");
        foreach (var article in site.Articles)
        {
            urlset.Add(new XElement(
                _sitemap + "url",
                new XElement(_sitemap + "loc", site.Absolute(article.Path).AbsoluteUri),
                new XElement(_sitemap + "lastmod", TestSiteDates.Iso(article.Updated ?? article.Published))));
        }

        return Serialize(new XDocument(urlset));
    }

    /// <summary>Atom 1.0 with the same items as the RSS feed; entry links use the numeric alias path.</summary>
    public static byte[] Atom(TestSiteSnapshot site)
    {
        var items = site.Articles.Take(TestSiteCatalog.FeedItemCount).ToList();
        var feed = new XElement(
            _atomFeed + "feed",
            new XElement(_atomFeed + "title", "ABReview: автомобильный бизнес"),
            new XElement(_atomFeed + "id", site.BaseUri.AbsoluteUri),
            new XElement(_atomFeed + "updated", TestSiteDates.Iso(items.Count > 0 ? items[0].Published : TestSiteCatalog.ReferenceNow)),
            new XElement(_atomFeed + "link", new XAttribute("rel", "self"), new XAttribute("href", site.Absolute(TestSiteCatalog.AtomPath).AbsoluteUri)));
        foreach (var article in items)
        {
            feed.Add(new XElement(
                _atomFeed + "entry",
                new XElement(_atomFeed + "title", article.Title),
                new XElement(_atomFeed + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", site.Absolute(TestSiteCatalog.AliasPath(article)).AbsoluteUri)),
                new XElement(_atomFeed + "id", "tag:abreview.ru," + article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new XElement(_atomFeed + "published", TestSiteDates.Iso(article.Published)),
                new XElement(_atomFeed + "updated", TestSiteDates.Iso(article.Updated ?? article.Published)),
                new XElement(_atomFeed + "summary", article.Lead)));
        }

        return Serialize(new XDocument(feed));
    }

    /// <summary>RSS 1.0 (RDF) with the same items as the RSS feed, dc:date dates.</summary>
    public static byte[] Rdf(TestSiteSnapshot site)
    {
        XNamespace rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        XNamespace rss = "http://purl.org/rss/1.0/";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        var items = site.Articles.Take(TestSiteCatalog.FeedItemCount).ToList();
        var root = new XElement(
            rdf + "RDF",
            new XAttribute(XNamespace.Xmlns + "rdf", rdf.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "dc", dc.NamespaceName),
            new XAttribute("xmlns", rss.NamespaceName),
            new XElement(rss + "channel", new XAttribute(rdf + "about", site.Absolute(TestSiteCatalog.RdfPath).AbsoluteUri),
                new XElement(rss + "title", "ABReview"), new XElement(rss + "link", site.BaseUri.AbsoluteUri)));
        foreach (var article in items)
        {
            var link = site.Absolute(article.Path).AbsoluteUri;
            root.Add(new XElement(
                rss + "item",
                new XAttribute(rdf + "about", link),
                new XElement(rss + "title", article.Title),
                new XElement(rss + "link", link),
                new XElement(dc + "date", TestSiteDates.Iso(article.Published))));
        }

        return Serialize(new XDocument(root));
    }

    /// <summary>
    /// The RSS items with broken XML: a raw ampersand in the channel title, an item whose &lt;description&gt; is never
    /// closed, and dates written the Russian way (<c>12.03.2026 09:15</c>) instead of RFC 822.
    /// </summary>
    public static byte[] MalformedRss(TestSiteSnapshot site)
    {
        var b = new StringBuilder();
        b.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>ABReview: рынок & дилеры</title>\n");
        var first = true;
        foreach (var article in site.Articles.Take(TestSiteCatalog.FeedItemCount))
        {
            var link = site.Absolute(article.Path).AbsoluteUri;
            b.Append("<item><title>").Append(TestSiteHtml.Encode(article.Title)).Append("</title>");
            b.Append("<link>").Append(link).Append("</link>");
            b.Append("<pubDate>").Append(TestSiteDates.NumericDate(article.Published)).Append(' ').Append(TestSiteDates.Time(article.Published)).Append("</pubDate>");
            b.Append(first ? "<description>Без закрывающего тега</item>\n" : "<description>Описание</description></item>\n");
            first = false;
        }

        b.Append("</channel></rss>\n");
        return new UTF8Encoding(false).GetBytes(b.ToString());
    }

    /// <summary>Sitemap index naming the news sitemap, the gzipped archive sitemap and a 2019 sitemap.</summary>
    public static byte[] SitemapIndex(TestSiteSnapshot site)
    {
        var newest = site.Articles.Count > 0 ? site.Articles.Max(a => a.Updated ?? a.Published) : TestSiteCatalog.ReferenceNow;
        var index = new XElement(_sitemap + "sitemapindex");
        foreach (var (path, lastmod) in new[]
        {
            (TestSiteCatalog.NewsSitemapPath, newest),
            (TestSiteCatalog.GzipSitemapPath, newest),
            (TestSiteCatalog.OldSitemapPath, new DateTimeOffset(2019, 12, 31, 12, 0, 0, TimeSpan.FromHours(3))),
        })
        {
            index.Add(new XElement(_sitemap + "sitemap", new XElement(_sitemap + "loc", site.Absolute(path).AbsoluteUri), new XElement(_sitemap + "lastmod", TestSiteDates.Iso(lastmod))));
        }

        return Serialize(new XDocument(index));
    }

    /// <summary>Google News sitemap: articles published in the two days before <see cref="TestSiteCatalog.ReferenceNow"/>.</summary>
    public static byte[] NewsSitemap(TestSiteSnapshot site)
    {
        XNamespace news = "http://www.google.com/schemas/sitemap-news/0.9";
        var urlset = new XElement(_sitemap + "urlset", new XAttribute(XNamespace.Xmlns + "news", news.NamespaceName));
        foreach (var article in site.Articles.Where(a => a.Published >= TestSiteCatalog.ReferenceNow.AddDays(-2)))
        {
            urlset.Add(new XElement(
                _sitemap + "url",
                new XElement(_sitemap + "loc", site.Absolute(article.Path).AbsoluteUri),
                new XElement(news + "news",
                    new XElement(news + "publication", new XElement(news + "name", "ABReview"), new XElement(news + "language", "ru")),
                    new XElement(news + "publication_date", TestSiteDates.Iso(article.Published)),
                    new XElement(news + "title", article.Title))));
        }

        return Serialize(new XDocument(urlset));
    }

    /// <summary><see cref="Sitemap"/> gzipped.</summary>
    public static byte[] GzipSitemap(TestSiteSnapshot site)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(Sitemap(site));
        }

        return output.ToArray();
    }

    /// <summary>A 2019 sitemap with one long-gone URL.</summary>
    public static byte[] OldSitemap(TestSiteSnapshot site) =>
        Serialize(new XDocument(new XElement(_sitemap + "urlset", new XElement(
            _sitemap + "url",
            new XElement(_sitemap + "loc", site.Absolute("/ab/news/rynok/itogi-2019/").AbsoluteUri),
            new XElement(_sitemap + "lastmod", "2019-12-31")))));

    public static string Robots(TestSiteSnapshot site) =>
        "User-agent: *\n"
        + $"Disallow: {TestSiteCatalog.DisallowedPath}\n"
        + "Disallow: /bitrix/\n"
        + "Disallow: /auth/\n"
        + "Disallow: /*?print=\n"
        + "\n"
        + $"Sitemap: {site.Absolute(TestSiteCatalog.SitemapPath).AbsoluteUri}\n";

    private static byte[] Serialize(XDocument document)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }
}
