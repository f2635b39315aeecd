using AngleSharp.Dom;
using NewsArchive.Crawling;

namespace NewsArchive.Parsing;

/// <summary>Discovery hints on any page: pagination links and links that look like article teasers.</summary>
internal static class ListingExtractor
{
    private const int MinTeaserLength = 20;

    public static IReadOnlyList<Uri> FindNextPages(PageElements elements, Uri pageUrl)
    {
        var next = new List<Uri>();
        foreach (var link in elements.All)
        {
            // link[rel=next][href], a[rel=next][href]: rel's value ignoring case, as AngleSharp matches it.
            if ((PageElements.Is(link, "link") || PageElements.Is(link, "a")) && string.Equals(link.GetAttribute("rel"), "next", StringComparison.OrdinalIgnoreCase) && link.HasAttribute("href"))
            {
                Add(link.GetAttribute("href"));
            }
        }
        foreach (var anchor in elements.All)
        {
            if (!PageElements.IsLink(anchor))
            {
                continue;
            }
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

    /// <summary>Same-site links with headline-like anchor text, outside menus, headers and footers; the page's anchors still in it.</summary>
    public static IReadOnlyList<PageLink> FindTeaserLinks(PageElements elements, Uri pageUrl, ParseContext context)
    {
        var links = new List<PageLink>();
        var seen = new HashSet<string>();
        var pageKey = UrlNormalizer.NormalizeString(pageUrl);
        // Chrome blocks are looked up once; asking each anchor for its closest match is slow on link-heavy pages.
        // A removed block is in the set too, harmlessly: it is no ancestor of an anchor still in the page.
        var chrome = new HashSet<IElement>();
        foreach (var element in elements.All)
        {
            if (IsChrome(element))
            {
                chrome.Add(element);
            }
        }
        foreach (var anchor in elements.All)
        {
            if (!PageElements.IsLink(anchor) || !PageElements.IsInDocument(anchor))
            {
                continue;
            }
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
            var item = ClosestItem(anchor);
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

    // nav, header, footer, [role=navigation], .menu, .breadcrumbs, .breadcrumb, [class*=footer], [id*=footer], [class*=menu]
    // (a "menu" token is in [class*=menu]), as AngleSharp matches them: tag names ignoring case, values exactly.
    private static bool IsChrome(IElement element)
    {
        if (PageElements.Is(element, "nav") || PageElements.Is(element, "header") || PageElements.Is(element, "footer"))
        {
            return true;
        }
        // Asked of every element: most carry no attribute at all, and a breadcrumb token needs the word in the class.
        if (element.Attributes.Length == 0)
        {
            return false;
        }
        if (element.GetAttribute("role") == "navigation")
        {
            return true;
        }
        var className = element.ClassName;
        return className is not null && (className.Contains("footer", StringComparison.Ordinal) || className.Contains("menu", StringComparison.Ordinal)
                || (className.Contains("breadcrumb", StringComparison.Ordinal) && PageElements.HasClass(element, "breadcrumbs", "breadcrumb")))
            || element.GetAttribute("id")?.Contains("footer", StringComparison.Ordinal) == true;
    }

    /// <summary>
    /// anchor.Closest("li, article, tr, .item, .news-item, [class*=item]") without parsing the selector on every call;
    /// the two class tokens hold "item", so the class test is the substring one.
    /// </summary>
    private static IElement? ClosestItem(IElement anchor)
    {
        for (var current = anchor; current is not null; current = current.ParentElement)
        {
            if (current.LocalName.ToLowerInvariant() is "li" or "article" or "tr"
                || current.ClassName?.Contains("item", StringComparison.Ordinal) == true)
            {
                return current;
            }
        }
        return null;
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
