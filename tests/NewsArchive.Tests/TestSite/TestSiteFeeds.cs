using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace NewsArchive.Tests.TestSite;

/// <summary>Renders the machine-readable documents of the test site: RSS, sitemap, robots.txt.</summary>
internal static class TestSiteFeeds
{
    private static readonly XNamespace _atom = "http://www.w3.org/2005/Atom";
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
