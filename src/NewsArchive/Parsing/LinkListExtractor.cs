using AngleSharp.Dom;
using NewsArchive.Crawling;

namespace NewsArchive.Parsing;

/// <summary>
/// Finds related-news and site-wide link lists: a heading followed by items that are each a link
/// (often with a date). They become edges of the link graph and are removed from the body.
/// </summary>
internal static class LinkListExtractor
{
    private const int MinItems = 2;

    // A heading is at most this long (IsHeadingLike), so it takes at most this much from a container's text.
    private const int MaxHeadingLength = 80;

    public static List<LinkList> Extract(PageElements elements, Uri pageUrl, ParseContext context, TextStats stats)
    {
        var lists = new List<LinkList>();
        var claimed = new HashSet<IElement>();
        foreach (var container in elements.All)
        {
            if (container.LocalName.ToLowerInvariant() is not ("ul" or "ol" or "div" or "section" or "aside" or "nav" or "table")
                || claimed.Contains(container) || HasClaimedAncestor(container, claimed) || !PageElements.IsInDocument(container))
            {
                continue;
            }
            var list = TryRead(container, pageUrl, context, stats);
            if (list is null)
            {
                continue;
            }
            lists.Add(list);
            foreach (var element in list.Elements)
            {
                claimed.Add(element);
            }
        }
        return lists;
    }

    private static bool HasClaimedAncestor(IElement element, HashSet<IElement> claimed)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (claimed.Contains(parent))
            {
                return true;
            }
        }
        return false;
    }

    private static LinkList? TryRead(IElement container, Uri pageUrl, ParseContext context, TextStats stats)
    {
        var own = stats[container];
        if (own.LinkText == 0 || IsProseForAnyHeading(own))
        {
            return null;
        }
        var (heading, headingElement) = FindHeading(container, stats);
        if (heading is null && container.TagName is not ("UL" or "OL") && PreparsedSelectors.First(container, PreparsedSelectors.Lists) is { } inner)
        {
            // A sidebar block named by its class: its list's own heading ("Новости за сегодня:") names it better.
            (heading, headingElement) = FindHeading(inner, stats);
        }
        var kind = Classify(container, heading);
        if (kind is null)
        {
            return null;
        }

        // Most of the container's text must be link text (plus dates): otherwise it is prose with links,
        // such as an article wrapper whose template calls it "post-wrap sidebar-right".
        var totalText = own.Text - (headingElement is not null && container.Contains(headingElement) ? heading!.Length : 0);
        var linkText = own.LinkText;
        if (totalText <= 0 || linkText < totalText * 0.45 || totalText - linkText > 2000)
        {
            return null;
        }
        var anchors = PreparsedSelectors.All(container, PreparsedSelectors.Links);
        if (anchors.Length < MinItems || PreparsedSelectors.First(container, PreparsedSelectors.H1) is not null || HoldsProse(container, stats))
        {
            // A block holding the page's title or a real paragraph is the article, whatever its template calls it.
            return null;
        }

        var items = new List<PageLink>();
        foreach (var anchor in anchors)
        {
            var url = UrlNormalizer.Resolve(pageUrl, anchor.GetAttribute("href"));
            var text = BodyTextRenderer.Inline(anchor);
            if (url is null || text.Length == 0)
            {
                continue;
            }
            var item = ClosestItem(anchor) ?? anchor.ParentElement;
            DateTimeOffset? published = null;
            if (item is not null && item != container)
            {
                var itemText = BodyTextRenderer.Inline(item).Replace(text, " ", StringComparison.Ordinal);
                published = DateTextParser.FindInText(itemText, context.Now, context.SiteZone);
            }
            items.Add(new PageLink(url, kind.Value, text, published, heading));
        }
        if (items.Count < MinItems)
        {
            return null;
        }

        var elements = new List<IElement> { container };
        if (headingElement is not null && !container.Contains(headingElement))
        {
            elements.Add(headingElement);
        }
        return new LinkList(heading, kind.Value, items, elements);
    }

    /// <summary>
    /// The link-text test below, passed with the longest heading a list can have: a container that fails even then
    /// fails whatever its heading, so its heading (an Inline of a few elements) is not looked for.
    /// </summary>
    private static bool IsProseForAnyHeading(ElementStats own)
    {
        var leastText = own.Text - MaxHeadingLength;
        return leastText > 0 && (own.LinkText < leastText * 0.45 || leastText - own.LinkText > 2000);
    }

    /// <summary>anchor.Closest("li, tr, p, .item, article") without parsing the selector on every call.</summary>
    private static IElement? ClosestItem(IElement anchor)
    {
        for (var current = anchor; current is not null; current = current.ParentElement)
        {
            if (current.LocalName.ToLowerInvariant() is "li" or "tr" or "p" or "article" || PageElements.HasClass(current, "item"))
            {
                return current;
            }
        }
        return null;
    }

    private static bool HoldsProse(IElement container, TextStats stats)
    {
        const int ProseParagraph = 200;
        foreach (var paragraph in PreparsedSelectors.All(container, PreparsedSelectors.Paragraphs))
        {
            if (stats.Text(paragraph) >= ProseParagraph && stats.LinkDensity(paragraph) < 0.2)
            {
                return true;
            }
        }
        return false;
    }

    private static LinkKind? Classify(IElement container, string? heading)
    {
        if (heading is not null)
        {
            if (Vocabulary.RelatedHeading().IsMatch(heading))
            {
                return LinkKind.Related;
            }
            if (Vocabulary.SidebarHeading().IsMatch(heading))
            {
                return LinkKind.Sidebar;
            }
        }
        var names = ClassAndId(container);
        if (names.Length > 0)
        {
            if (names.Contains("related", StringComparison.OrdinalIgnoreCase) || names.Contains("similar", StringComparison.OrdinalIgnoreCase))
            {
                return LinkKind.Related;
            }
            if (names.Contains("popular", StringComparison.OrdinalIgnoreCase) || names.Contains("sidebar", StringComparison.OrdinalIgnoreCase)
                || names.Contains("most-read", StringComparison.OrdinalIgnoreCase) || names.Contains("latest", StringComparison.OrdinalIgnoreCase))
            {
                return LinkKind.Sidebar;
            }
            if (names.Contains("tags", StringComparison.OrdinalIgnoreCase) || names.Contains("tag-list", StringComparison.OrdinalIgnoreCase))
            {
                return LinkKind.Tag;
            }
        }
        return null;
    }

    /// <summary>The list's title: a heading just before it, or a short first child such as "Новости по теме:".</summary>
    private static (string? Text, IElement? Element) FindHeading(IElement container, TextStats stats)
    {
        var first = container.FirstElementChild;
        if (first is not null && IsHeadingLike(first, stats) && PreparsedSelectors.First(first, PreparsedSelectors.Links) is null)
        {
            return (Trimmed(first), first);
        }
        for (var sibling = container.PreviousElementSibling; sibling is not null; sibling = sibling.PreviousElementSibling)
        {
            if (IsHeadingLike(sibling, stats))
            {
                return (Trimmed(sibling), sibling);
            }
            if (stats.Text(sibling) > 0)
            {
                break;
            }
        }
        // aside > h3 + div > ul: the heading belongs to the parent.
        var parent = container.ParentElement;
        if (parent is not null && parent.FirstElementChild is { } parentFirst && parentFirst != container
            && IsHeadingLike(parentFirst, stats) && parentFirst.NextElementSibling == container)
        {
            return (Trimmed(parentFirst), parentFirst);
        }
        return (null, null);
    }

    private static bool IsHeadingLike(IElement element, TextStats stats)
    {
        if (element.TagName is "H1" || stats.Text(element) > 90)
        {
            return false;
        }
        var text = BodyTextRenderer.InlineAtMost(element, MaxHeadingLength);
        if (text is null or { Length: 0 })
        {
            return false;
        }
        if (element.TagName is "H2" or "H3" or "H4" or "H5" or "H6" or "STRONG" or "B" or "HEADER")
        {
            return true;
        }
        var names = ClassAndId(element);
        return text.EndsWith(':') || names.Contains("title", StringComparison.OrdinalIgnoreCase)
            || names.Contains("head", StringComparison.OrdinalIgnoreCase) || names.Contains("caption", StringComparison.OrdinalIgnoreCase);
    }

    private static string Trimmed(IElement element) => BodyTextRenderer.Inline(element).TrimEnd(':', ' ');

    internal static string ClassAndId(IElement element)
    {
        // Asked of most elements by the cleaner and the counters: no new string when one of the two is missing.
        var className = element.ClassName;
        var id = element.Id;
        if (string.IsNullOrEmpty(id))
        {
            return className?.Trim() ?? "";
        }
        return string.IsNullOrEmpty(className) ? id.Trim() : (className + " " + id).Trim();
    }
}
