using System.Text;
using CsCheck;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>The test site's feeds and sitemaps, and mutations of them: cut, spliced, repeated, sprinkled with XML hazards.</summary>
internal static class FeedGen
{
    public static readonly Uri SiteBase = new("http://127.0.0.1:8080/");

    private static readonly TestSiteSnapshot Site = new(SiteBase, TestSiteCatalog.Articles);

    public static readonly IReadOnlyList<string> Feeds =
    [
        Utf8(TestSiteFeeds.Rss(Site)),
        Utf8(TestSiteFeeds.Atom(Site)),
        Utf8(TestSiteFeeds.Rdf(Site)),
        Utf8(TestSiteFeeds.MalformedRss(Site)),
    ];

    public static readonly IReadOnlyList<string> Sitemaps =
    [
        Utf8(TestSiteFeeds.Sitemap(Site)),
        Utf8(TestSiteFeeds.NewsSitemap(Site)),
        Utf8(TestSiteFeeds.SitemapIndex(Site)),
        Utf8(TestSiteFeeds.OldSitemap(Site)),
    ];

    private static readonly Gen<string> Hazard = Gen.OneOf(
        "<!DOCTYPE rss [<!ENTITY x \"xxxxxxxxxx\"><!ENTITY y \"&x;&x;&x;&x;&x;\">]>", "<!DOCTYPE r SYSTEM \"file:///etc/passwd\">",
        "<!ENTITY e SYSTEM \"http://127.0.0.1:9/\">", "&x;", "&y;", "&bogus;", "&#0;", "&#xD800;", "&#1114112;", "&amp;", "&", "<", ">", "\"",
        "<![CDATA[", "]]>", "<![CDATA[<item><link>http://a/</link></item>]]>", "\0", "\uFEFF", "\uD800", "<!--", "-->",
        "<item>", "</item>", "<entry>", "</entry>", "<link>", "</link>", "<link href=\"ftp://x/\"/>", "<link>javascript:alert(1)</link>",
        "<guid isPermaLink=\"false\">http://x/</guid>", "<pubDate>Wed, 31 Feb 2026 25:61:00 +9999</pubDate>", "<pubDate>сегодня, 12:30</pubDate>",
        "<pubDate>12 марта 2099</pubDate>", "<updated>9999-12-31T23:59:59+14:00</updated>", "</channel>", "<title>", "</title>", "<url><loc>", "</loc></url>",
        "<lastmod>0001-01-01</lastmod>", "<lastmod>9999-12-31T23:59:59-14:00</lastmod>", "<?xml version=\"1.0\" encoding=\"windows-1251\"?>",
        "<rss>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<urlset>", "<sitemapindex>", "http://", "//", "\r\n", " xmlns:a=\"\" ");

    private static readonly Gen<Func<string, string>> Mutation = Gen.Frequency(
        (3, Gen.Double.Select<double, Func<string, string>>(at => text => text[..Index(text, at)])),
        (3, Gen.Select(Gen.Double, Gen.Int[1, 200]).Select<(double, int), Func<string, string>>(cut => text =>
        {
            var start = Index(text, cut.Item1);
            return text.Remove(start, Math.Min(cut.Item2, text.Length - start));
        })),
        (5, Gen.Select(Gen.Double, Gen.Frequency((4, Hazard), (1, Gen.String[0, 30]))).Select<(double, string), Func<string, string>>(insert => text =>
            text.Insert(Index(text, insert.Item1), insert.Item2))),
        (2, Gen.Select(Gen.Double, Gen.Int[1, 400], Gen.Int[2, 40]).Select<(double, int, int), Func<string, string>>(repeat => text =>
        {
            var start = Index(text, repeat.Item1);
            var piece = text.Substring(start, Math.Min(repeat.Item2, text.Length - start));
            return text.Insert(start, string.Concat(Enumerable.Repeat(piece, repeat.Item3)));
        })));

    private static Gen<string> Mutated(IReadOnlyList<string> seeds) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], Mutation.Array[0, 5])
            .Select(parts => parts.Item2.Aggregate(seeds[parts.Item1], (text, mutate) => mutate(text)));

    /// <summary>Feeds with more items than the reader keeps: the count it returns must stay bounded.</summary>
    private static readonly Gen<string> Flood = Gen.Int[4000, 7000].Select(count =>
    {
        var b = new StringBuilder("<rss version=\"2.0\"><channel>");
        for (var i = 0; i < count; i++)
        {
            b.Append("<item><title>n</title><link>http://127.0.0.1:8080/n/").Append(i).Append("/</link></item>");
        }

        return b.Append("</channel></rss>").ToString();
    });

    public static readonly Gen<string> Feed = Gen.Frequency(
        (12, Mutated(Feeds)),
        (3, Mutated(Sitemaps)),
        (2, Gen.String[0, 400]),
        (1, Flood));

    public static readonly Gen<string> Sitemap = Gen.Frequency(
        (12, Mutated(Sitemaps)),
        (2, Mutated(Feeds)),
        (2, Gen.String[0, 400]));

    private static int Index(string text, double fraction) => text.Length == 0 ? 0 : (int)(Math.Abs(fraction % 1) * text.Length);

    private static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
}
