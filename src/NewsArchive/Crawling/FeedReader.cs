using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using NewsArchive.Parsing;

namespace NewsArchive.Crawling;

/// <summary>
/// Reads RSS 2.0, RSS 1.0 and Atom items. Recognises a feed by its body, not its Content-Type;
/// never expands DTDs or fetches external entities; falls back to a tolerant HTML parse for broken XML.
/// </summary>
public static class FeedReader
{
    private const int MaxItems = 5000;

    public static bool LooksLikeFeed(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase);
    }

    public static IReadOnlyList<FeedItem> Read(string text, Uri feedUrl, DateTimeOffset now, TimeZoneInfo zone)
    {
        try
        {
            return ReadXml(text, feedUrl, now, zone);
        }
        catch (XmlException)
        {
            return ReadTolerant(text, feedUrl, now, zone);
        }
    }

    private static List<FeedItem> ReadXml(string text, Uri feedUrl, DateTimeOffset now, TimeZoneInfo zone)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = 50_000_000,
        };
        using var reader = XmlReader.Create(new StringReader(text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t')), settings);
        var document = XDocument.Load(reader);
        var items = new List<FeedItem>();
        foreach (var element in document.Descendants())
        {
            var name = element.Name.LocalName;
            if (name is not ("item" or "entry"))
            {
                continue;
            }
            string? link = null;
            string? title = null;
            string? date = null;
            foreach (var child in element.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "link":
                        var rel = (string?)child.Attribute("rel");
                        var href = (string?)child.Attribute("href");
                        if (href is not null && (rel is null || rel == "alternate"))
                        {
                            link ??= href;
                        }
                        else if (href is null && !string.IsNullOrWhiteSpace(child.Value))
                        {
                            link ??= child.Value.Trim();
                        }
                        break;
                    case "guid" when link is null && ((string?)child.Attribute("isPermaLink") ?? "true") == "true":
                        if (child.Value.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                        {
                            link = child.Value.Trim();
                        }
                        break;
                    case "title":
                        title ??= child.Value;
                        break;
                    case "pubDate" or "published" or "date" or "issued" or "created":
                        date ??= child.Value;
                        break;
                    case "updated" or "modified":
                        date ??= child.Value;
                        break;
                }
            }
            if (link is null && (string?)element.Attribute(XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")) is { } about)
            {
                link = about;
            }
            Add(items, feedUrl, link, title, date, now, zone);
            if (items.Count >= MaxItems)
            {
                break;
            }
        }
        return items;
    }

    private static List<FeedItem> ReadTolerant(string text, Uri feedUrl, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (HtmlNesting.IsDeeperThan(text))
        {
            return [];
        }
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(text);
        var items = new List<FeedItem>();
        foreach (var element in document.QuerySelectorAll("item, entry"))
        {
            // In HTML mode <link> is a void element, so an RSS link's URL is the text right after it.
            var linkElement = element.QuerySelector("link");
            var link = linkElement?.GetAttribute("href") ?? linkElement?.NextSibling?.TextContent?.Trim();
            var title = element.QuerySelector("title")?.TextContent;
            var date = (element.QuerySelector("pubdate") ?? element.QuerySelector("published") ?? element.QuerySelector("updated"))?.TextContent;
            Add(items, feedUrl, link, title, date, now, zone);
            if (items.Count >= MaxItems)
            {
                break;
            }
        }
        return items;
    }

    private static void Add(List<FeedItem> items, Uri feedUrl, string? link, string? title, string? date, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(link) || !Uri.TryCreate(feedUrl, link.Trim(), out var url) || url.Scheme is not ("http" or "https"))
        {
            return;
        }
        var published = string.IsNullOrWhiteSpace(date) ? null : DateTextParser.Parse(date, now, zone);
        var cleanTitle = title is null ? null : BodyTextRenderer.Collapse(System.Net.WebUtility.HtmlDecode(title));
        items.Add(new FeedItem(url, string.IsNullOrEmpty(cleanTitle) ? null : cleanTitle, published));
    }
}
