using System.Text.Json;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using NewsArchive.Crawling;

namespace NewsArchive.Parsing;

/// <summary>Title without the site-name suffix, description, authors, canonical URL and feeds.</summary>
internal static class MetadataExtractor
{
    private static readonly ISelector FeedLinks = PreparsedSelectors.Parse("link[rel=alternate][href]");
    private static readonly ISelector ItempropName = PreparsedSelectors.Parse("[itemprop=name]");
    private static readonly ISelector JsonLdScripts = PreparsedSelectors.Parse("script[type='application/ld+json']");

    public static PageMetadata Extract(IDocument document, Uri pageUrl, PageElements elements)
    {
        var jsonLd = ReadJsonLd(document);
        var titleTag = Clean(PreparsedSelectors.First(document, PreparsedSelectors.Title)?.TextContent);
        var ogTitle = Clean(Meta(document, "og:title") ?? Meta(document, "twitter:title"));
        if (ogTitle is not null && titleTag is not null && titleTag.Length > ogTitle.Length
            && titleTag.StartsWith(ogTitle, StringComparison.Ordinal) && titleTag[ogTitle.Length..].TrimStart().StartsWith('"'))
        {
            // content="Biden de "incapacitado"": an unescaped quote cut the attribute short; the <title> has it whole.
            ogTitle = null;
        }
        var title = TitleChooser.Choose(document, Clean(jsonLd.Headline), ogTitle, titleTag, Clean(Meta(document, "og:site_name")));
        var description = Meta(document, "og:description") ?? Meta(document, "description") ?? jsonLd.Description;
        var authors = FindAuthors(document, elements, jsonLd.Authors);

        Uri? canonical = null;
        if (PreparsedSelectors.First(document, PreparsedSelectors.Canonical)?.GetAttribute("href") is { } canonicalHref)
        {
            canonical = UrlNormalizer.Resolve(pageUrl, canonicalHref) is { } resolved && UrlNormalizer.IsSameSite(resolved, pageUrl)
                ? new Uri(pageUrl, canonicalHref)
                : null;
        }

        var feeds = new List<Uri>();
        foreach (var link in PreparsedSelectors.All(document, FeedLinks))
        {
            var type = link.GetAttribute("type") ?? "";
            if ((type.Contains("rss", StringComparison.OrdinalIgnoreCase) || type.Contains("atom", StringComparison.OrdinalIgnoreCase))
                && Uri.TryCreate(pageUrl, link.GetAttribute("href"), out var feed) && feed.Scheme is "http" or "https")
            {
                feeds.Add(feed);
            }
        }

        var ogType = Meta(document, "og:type");
        var declaresArticle = jsonLd.IsArticle || string.Equals(ogType, "article", StringComparison.OrdinalIgnoreCase)
            || Meta(document, "article:published_time") is not null;
        return new PageMetadata(title, Clean(description), authors, canonical, feeds, declaresArticle);
    }

    private static IReadOnlyList<string> FindAuthors(IDocument document, PageElements elements, IReadOnlyList<string> fromJsonLd)
    {
        var authors = new List<string>();
        void Add(string? name)
        {
            name = Clean(name);
            if (string.IsNullOrWhiteSpace(name) || name.Length > 80 || name.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            name = name.TrimStart(':', ' ');
            foreach (var prefix in new[] { "Автор:", "Автор", "Текст:", "By ", "by ", "Von ", "von " })
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    name = name[prefix.Length..].Trim(' ', ':');
                }
            }
            if (name.Length > 1 && !authors.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                authors.Add(name);
            }
        }
        foreach (var name in fromJsonLd)
        {
            Add(name);
        }
        if (authors.Count == 0)
        {
            Add(Meta(document, "author") ?? Meta(document, "article:author"));
        }
        if (authors.Count == 0)
        {
            foreach (var element in elements.All)
            {
                // [itemprop=author], [rel=author], .author, .byline, .news-author, .article-author, as AngleSharp matches them:
                // rel's value ignoring case (HTML lists it among the case-insensitive attributes), the others exactly.
                if (element.GetAttribute("itemprop") != "author" && !string.Equals(element.GetAttribute("rel"), "author", StringComparison.OrdinalIgnoreCase)
                    && !PageElements.HasClass(element, "author", "byline", "news-author", "article-author"))
                {
                    continue;
                }
                var name = PreparsedSelectors.First(element, ItempropName)?.TextContent ?? element.TextContent;
                if (BodyTextRenderer.Collapse(name).Length <= 60)
                {
                    Add(name);
                }
            }
        }
        return authors;
    }

    internal static string? Meta(IDocument document, string name)
    {
        foreach (var meta in PreparsedSelectors.All(document.Head ?? (INode)document, PreparsedSelectors.Meta))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { Length: > 0 } content)
            {
                return content;
            }
        }
        return null;
    }

    private static string? Clean(string? text)
    {
        var collapsed = BodyTextRenderer.Collapse(text);
        return collapsed.Length == 0 ? null : collapsed;
    }

    private sealed record JsonLdFacts(string? Headline, string? Description, IReadOnlyList<string> Authors, bool IsArticle);

    private static JsonLdFacts ReadJsonLd(IDocument document)
    {
        string? headline = null, description = null;
        var authors = new List<string>();
        var isArticle = false;
        foreach (var script in PreparsedSelectors.All(document, JsonLdScripts))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                Walk(json.RootElement, 0);
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException)
            {
                // Broken JSON-LD is common (ArgumentException: a lone surrogate); other signals remain.
            }
        }
        return new JsonLdFacts(headline, description, authors, isArticle);

        void Walk(JsonElement node, int depth)
        {
            if (depth > 6)
            {
                return;
            }
            if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                {
                    Walk(item, depth + 1);
                }
                return;
            }
            if (node.ValueKind != JsonValueKind.Object)
            {
                return;
            }
            if (node.TryGetProperty("@graph", out var graph))
            {
                Walk(graph, depth + 1);
            }
            var type = node.TryGetProperty("@type", out var t) ? t.ToString() : "";
            if (!type.Contains("Article", StringComparison.OrdinalIgnoreCase) && !type.Contains("BlogPosting", StringComparison.OrdinalIgnoreCase)
                && !type.Contains("Report", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
            isArticle = true;
            if (headline is null && node.TryGetProperty("headline", out var h) && h.ValueKind == JsonValueKind.String)
            {
                headline = DecodeEntities(h.GetString());
            }
            if (description is null && node.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String)
            {
                description = DecodeEntities(d.GetString());
            }
            if (node.TryGetProperty("author", out var author))
            {
                foreach (var entry in author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToArray() : [author])
                {
                    if (entry.ValueKind == JsonValueKind.String)
                    {
                        authors.Add(DecodeEntities(entry.GetString())!);
                    }
                    else if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                        && !(entry.TryGetProperty("@type", out var at) && at.ToString().Contains("Organization", StringComparison.OrdinalIgnoreCase)))
                    {
                        authors.Add(DecodeEntities(name.GetString())!);
                    }
                }
            }
        }
    }

    /// <summary>Many CMSs write JSON-LD values HTML-escaped ("zur&amp;#252;ck", "&amp;#8222;Arschloch&amp;#8220;"): JSON has no entities, so none are meant literally.</summary>
    private static string? DecodeEntities(string? value) =>
        value is not null && value.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(value) : value;
}
