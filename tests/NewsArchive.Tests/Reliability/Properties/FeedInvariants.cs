using System.IO.Compression;
using System.Text;
using NewsArchive.Crawling;
using NewsArchive.Parsing;
using NewsArchive.Tests.TestSite;
using Xunit.Sdk;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>What must hold for any feed or sitemap body; shared by the properties and the corpus.</summary>
internal static class FeedInvariants
{
    // The readers' own caps: FeedReader keeps 5,000 items, a sitemap 50,000 entries.
    public const int MaxFeedItems = 5000;
    public const int MaxSitemapEntries = 50_000;

    private static readonly Uri FeedUrl = new(FeedGen.SiteBase, "/rss/");
    private static readonly Uri SitemapUrl = new(FeedGen.SiteBase, "/sitemap.xml");

    public static void Check(string text)
    {
        CheckFeed(text);
        CheckSitemap(text);
    }

    /// <summary>The feed reader never throws, keeps at most its cap, and yields only web URLs and no future dates.</summary>
    public static IReadOnlyList<FeedItem> CheckFeed(string text)
    {
        var now = TestSiteCatalog.ReferenceNow;
        FeedReader.LooksLikeFeed(text);
        var items = FeedReader.Read(text, FeedUrl, now, SiteTimeZones.Default);
        Require(items.Count <= MaxFeedItems, $"{items.Count} feed items");
        foreach (var item in items)
        {
            Require(item.Url.IsAbsoluteUri && item.Url.Scheme is "http" or "https", $"feed item URL {item.Url}");
            DateInvariants.CheckDate(item.Published, now, text, "FeedReader");
        }

        return items;
    }

    /// <summary>The sitemap reader never throws, keeps at most its cap, yields only web URLs, and reads gzip the same as plain.</summary>
    public static SitemapDocument CheckSitemap(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var document = SitemapReader.Read(bytes, SitemapUrl);
        Require(document.Urls.Count + document.Sitemaps.Count <= MaxSitemapEntries, "too many sitemap entries");
        Require(document.Urls.Concat(document.Sitemaps).All(e => e.Url.IsAbsoluteUri && e.Url.Scheme is "http" or "https"), "a sitemap entry that is not http(s)");

        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        var unpacked = SitemapReader.Read(packed.ToArray(), SitemapUrl);
        Require(
            unpacked.Urls.Count == document.Urls.Count && unpacked.Sitemaps.Count == document.Sitemaps.Count,
            "the gzipped sitemap read differently from the plain one");
        return document;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new XunitException(message);
        }
    }
}
