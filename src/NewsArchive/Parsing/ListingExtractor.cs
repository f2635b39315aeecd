using AngleSharp.Dom;
using NewsArchive.Crawling;

namespace NewsArchive.Parsing;

/// <summary>Discovery hints on any page: pagination links and links that look like article teasers.</summary>
internal static class ListingExtractor
{
    private const int MinTeaserLength = 20;

    public static IReadOnlyList<Uri> FindNextPages(IDocument document, Uri pageUrl)
    {
        var next = new List<Uri>();
        foreach (var link in document.QuerySelectorAll("link[rel=next][href], a[rel=next][href]"))
        {
            Add(link.GetAttribute("href"));
        }
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var href = anchor.GetAttribute("href");
            var text = BodyTextRenderer.Inline(anchor);
            var names = LinkListExtractor.ClassAndId(anchor);
            if (Vocabulary.NextPageText().IsMatch(text) || names.Contains("next", StringComparison.OrdinalIgnoreCase))
            {
                Add(href);
            }
            else if (href is not null && Vocabulary.PaginationUrl().IsMatch(href) && int.TryParse(text, out _))
            {
                Add(href);
            }
        }
        return next;

        void Add(string? href)
        {
            if (UrlNormalizer.Resolve(pageUrl, href) is { } url && UrlNormalizer.IsSameSite(url, pageUrl)
                && UrlNormalizer.NormalizeString(url) != UrlNormalizer.NormalizeString(pageUrl) && !next.Contains(url))
            {
                next.Add(url);
            }
        }
    }

    /// <summary>Same-site links with headline-like anchor text, outside menus, headers and footers.</summary>
    public static IReadOnlyList<PageLink> FindTeaserLinks(IDocument document, Uri pageUrl, ParseContext context)
    {
        var links = new List<PageLink>();
        var seen = new HashSet<string>();
        var pageKey = UrlNormalizer.NormalizeString(pageUrl);
        // Chrome blocks are looked up once; asking each anchor for its closest match is slow on link-heavy pages.
        var chrome = document.QuerySelectorAll("nav, header, footer, [role=navigation], .menu, .breadcrumbs, .breadcrumb, [class*=footer], [id*=footer], [class*=menu]").ToHashSet();
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            if (chrome.Count > 0 && HasAncestorIn(anchor, chrome))
            {
                continue;
            }
            var text = BodyTextRenderer.Inline(anchor);
            if (text.Length < MinTeaserLength && (anchor.GetAttribute("title")?.Length ?? 0) < MinTeaserLength)
            {
                continue;
            }
            var url = UrlNormalizer.Resolve(pageUrl, anchor.GetAttribute("href"));
            if (url is null || !UrlNormalizer.IsSameSite(url, pageUrl))
            {
                continue;
            }
            var key = UrlNormalizer.NormalizeString(url);
            if (key == pageKey || Vocabulary.PaginationUrl().IsMatch(url.PathAndQuery) || !seen.Add(key))
            {
                continue;
            }
            var item = anchor.Closest("li, article, tr, .item, .news-item, [class*=item]");
            DateTimeOffset? published = null;
            if (item is not null)
            {
                // Up to the limit only: the closest item may be an <article> holding the whole page and every link in it.
                if (BodyTextRenderer.InlineAtMost(item, 599) is { } itemText)
                {
                    var rest = text.Length > 0 ? itemText.Replace(text, " ", StringComparison.Ordinal) : itemText;
                    published = DateTextParser.FindInText(rest, context.Now, context.SiteZone);
                }
            }
            links.Add(new PageLink(url, LinkKind.Listing, text.Length > 0 ? text : anchor.GetAttribute("title"), published, null));
        }
        return links;
    }

    private static bool HasAncestorIn(IElement element, HashSet<IElement> set)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (set.Contains(current))
            {
                return true;
            }
        }
        return false;
    }
}
