using System.Collections.Frozen;
using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>Removes what can never be article text: code, forms, hidden elements, navigation and chrome by vocabulary.</summary>
internal static class PageCleaner
{
    // What was the selector "script, style, noscript, template, svg, iframe, object, embed, canvas, form, button, input,
    // select, textarea, nav, footer, aside, dialog, [hidden], [aria-hidden=true], [role=navigation], [role=banner],
    // [role=contentinfo], [role=complementary], [role=dialog], .visually-hidden, .sr-only, .screen-reader-text, .d-none,
    // .hidden, .hide", tested as AngleSharp matches it: tag names ignoring case, attribute values and class tokens exactly.
    private static readonly FrozenSet<string> RemovedTags = new[]
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "form", "button", "input",
        "select", "textarea", "nav", "footer", "aside", "dialog",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> RemovedRoles = new[] { "navigation", "banner", "contentinfo", "complementary", "dialog" }.ToFrozenSet();

    public static void Clean(IDocument document, TextStats stats)
    {
        var pageText = document.Body is { } pageBody ? stats.Text(pageBody) : 0;
        var sweep = Sweep(document, stats, pageText);
        foreach (var element in sweep.Removed)
        {
            element.Remove();
        }
        RemoveComments(document.DocumentElement);

        var body = document.Body;
        if (body is null)
        {
            return;
        }
        var page = stats[body];
        var title = PreparsedSelectors.First(body, PreparsedSelectors.H1);
        var remaining = body == sweep.Body ? sweep.BodyElements : [.. body.QuerySelectorAll("*")];
        var headers = body == sweep.Body ? sweep.Headers : [.. body.QuerySelectorAll("header")];
        // Pages repeat their class names ("item", "col-md-4"): each distinct one goes through the vocabulary once.
        var negative = new Dictionary<string, bool>();
        foreach (var element in remaining)
        {
            if (element.Parent is null || element.TagName is "BODY" or "HTML" || !IsChrome(element, stats, page, title, negative))
            {
                continue;
            }
            if (element.TagName is "H2" or "H3" or "H4" or "H5" && Vocabulary.CommentsHeading().IsMatch(BodyTextRenderer.Inline(element)))
            {
                // "Комментарии (3)" opens the comments: what follows it at its level goes too.
                NodeCuts.RemoveFollowingSiblings(element);
            }
            element.Remove();
        }
        // The headers still in the page, as selecting them again would find them.
        headers.RemoveAll(header => !IsInside(header, body));
        foreach (var header in headers)
        {
            // A page header holds menus; an article's own <header> holds its title and date, harmless for the body.
            var share = stats[header].Text;
            if (PreparsedSelectors.Closest(header, PreparsedSelectors.Article) is null && share < page.Text * 0.4
                && PreparsedSelectors.First(header, PreparsedSelectors.LeadInHeader) is null)
            {
                header.Remove();
            }
        }
    }

    private sealed record SweepResult(List<IElement> Removed, IElement? Body, List<IElement> BodyElements, List<IElement> Headers);

    /// <summary>
    /// One walk for what three selections over the whole page found: the elements that are never text (kept when
    /// they wrap the content), the hidden ones by inline style among what is left, and the body's elements and headers
    /// that the vocabulary tests then look at, in document order. A removed element's subtree is not walked.
    /// </summary>
    private static SweepResult Sweep(IDocument document, TextStats stats, int pageText)
    {
        var result = new SweepResult([], document.Body, [], []);
        if (document.DocumentElement is not { } root)
        {
            return result;
        }
        // Iterative and by index: pages nest deep, and AngleSharp's sibling links search the parent's list.
        var pending = new Stack<(IElement Element, bool InBody)>();
        pending.Push((root, false));
        while (pending.TryPop(out var entry))
        {
            var (element, inBody) = entry;
            if (IsAlwaysRemoved(element) && (element.TagName is "SCRIPT" or "STYLE" or "TEMPLATE" or "SVG" or "NOSCRIPT" || !LooksLikeContentWrapper(element, stats, pageText)))
            {
                result.Removed.Add(element);
                continue;
            }
            if (IsHiddenByStyle(element))
            {
                result.Removed.Add(element);
                continue;
            }
            if (inBody)
            {
                result.BodyElements.Add(element);
                if (element.LocalName.Equals("header", StringComparison.OrdinalIgnoreCase))
                {
                    result.Headers.Add(element);
                }
            }
            var childrenInBody = inBody || element == result.Body;
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement child)
                {
                    pending.Push((child, childrenInBody));
                }
            }
        }
        return result;
    }

    private static bool IsAlwaysRemoved(IElement element)
    {
        if (RemovedTags.Contains(element.LocalName))
        {
            return true;
        }
        // Asked of every element: most carry no attribute at all.
        if (element.Attributes.Length == 0)
        {
            return false;
        }
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true"
            || element.GetAttribute("role") is { } role && RemovedRoles.Contains(role))
        {
            return true;
        }
        return PageElements.HasClass(element, "visually-hidden", "sr-only", "screen-reader-text", "d-none", "hidden", "hide");
    }

    private static bool IsHiddenByStyle(IElement element)
    {
        if (element.Attributes.Length == 0 || element.GetAttribute("style") is not { } attribute)
        {
            return false;
        }
        var style = attribute.Replace(" ", "", StringComparison.Ordinal);
        return style.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsInside(IElement element, IElement root)
    {
        for (var current = element.ParentElement; current is not null; current = current.ParentElement)
        {
            if (current == root)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsChrome(IElement element, TextStats stats, ElementStats page, IElement? title, Dictionary<string, bool> negative)
    {
        var names = LinkListExtractor.ClassAndId(element);
        if (names.Length > 0 && IsNegative(names, negative) && !IsMainLandmark(element) && !IsMarkedDescription(element)
            && (element.TagName is not ("P" or "A" or "STRONG" or "EM" or "B" or "I") || (element.TagName == "P" && Vocabulary.StrongChromeClass().IsMatch(names))))
        {
            if (IsDiscussion(element, names, title))
            {
                // Readers' comments often outweigh the article itself: their size protects nothing.
                return true;
            }
            // Never drop by name a wrapper that holds most of the page's paragraphs or the marked-up body:
            // layout classes like "l-sidebar-fixed" or "pane-taxomenu" wrap articles too.
            var own = stats[element];
            if ((own.ParagraphText > 400 && own.ParagraphText > page.ParagraphText * 0.4) || own.Text > page.Text * 0.4
                || (own.ParagraphText > 300 && title is not null && element.Contains(title)))
            {
                return false;
            }
            return !HoldsMarkedBody(element, stats);
        }
        if (element.TagName is "DIV" or "P" or "SECTION" or "SPAN" or "LI" or "H2" or "H3" or "H4")
        {
            if (stats.Text(element) < 300 && Vocabulary.ChromeText().IsMatch(BodyTextRenderer.Inline(element)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The article's own summary by microdata, whatever its names ("ce-news--teaser").</summary>
    private static bool IsMarkedDescription(IElement element) =>
        string.Equals(element.GetAttribute("itemprop"), "description", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page's main landmark is the content by definition, whatever its names ("main#skip-main").</summary>
    private static bool IsMainLandmark(IElement element) =>
        element.TagName == "MAIN" || string.Equals(element.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A body marked as such (articleBody, "entry-content", "post-body") with real text inside a wrapper named like
    /// chrome, e.g. Blogger's "widget Blog" around its posts.
    /// </summary>
    private static bool HoldsMarkedBody(IElement element, TextStats stats)
    {
        foreach (var inner in PreparsedSelectors.All(element, PreparsedSelectors.ItempropOrClass))
        {
            var marked = string.Equals(inner.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase)
                || Vocabulary.BodyClass().IsMatch(inner.ClassName ?? "");
            if (marked && stats[inner] is { Text: >= 500 } own && own.LinkDensity < 0.3)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsNegative(string names, Dictionary<string, bool> known)
    {
        if (!known.TryGetValue(names, out var negative))
        {
            negative = Vocabulary.IsNegative(names);
            known[names] = negative;
        }
        return negative;
    }

    private static bool IsDiscussion(IElement element, string names, IElement? title) =>
        Vocabulary.DiscussionClass().IsMatch(names) && (title is null || !element.Contains(title))
        && PreparsedSelectors.First(element, PreparsedSelectors.ArticleBody) is null;

    private static bool LooksLikeContentWrapper(IElement element, TextStats stats, int pageText) => element.TagName switch
    {
        "FORM" => PreparsedSelectors.All(element, PreparsedSelectors.Paragraphs).Length >= 3 || stats.Text(element) > 2000,
        // Misused for the story column: an <aside> around an <article> with real prose.
        "ASIDE" => stats[element].ParagraphText > 500 && HoldsArticleWithProse(element, stats),
        _ => stats[element].ParagraphText > 500 && stats.Text(element) > pageText * 0.5,
    };

    private static bool HoldsArticleWithProse(IElement element, TextStats stats)
    {
        foreach (var article in element.GetElementsByTagName("article"))
        {
            if (stats[article] is { ParagraphText: >= 500 } own && own.LinkDensity < 0.25)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Script-rendered pages (Blogger, some CMSs) carry their text only in a no-script fallback: a fallback with
    /// prose, or a whole page there that outweighs the rest, becomes part of the page. Runs before the page is measured.
    /// </summary>
    public static void UnwrapNoScriptText(IDocument document)
    {
        var noscripts = document.Body?.GetElementsByTagName("noscript");
        if (noscripts is null || noscripts.Length == 0)
        {
            return;
        }
        var pageText = -1;
        foreach (var noscript in noscripts.ToArray())
        {
            if (noscript.Parent is null || noscript.Children.Length == 0)
            {
                continue;
            }
            int text = 0, links = 0, paragraphs = 0;
            foreach (var child in noscript.Children)
            {
                var own = new TextStats(child)[child];
                (text, links, paragraphs) = (text + own.Text, links + own.LinkText, paragraphs + own.ParagraphText);
            }
            if (paragraphs <= 500)
            {
                // Pixels and "enable JavaScript" notes: the page is measured only for a fallback with prose.
                continue;
            }
            if (links >= text * 0.3)
            {
                pageText = pageText >= 0 ? pageText : new TextStats(document.Body!).Text(document.Body!);
                if (text <= pageText)
                {
                    continue;
                }
            }
            Unwrap(noscript);
        }
    }

    /// <summary>Ruby annotations (the readings printed over Japanese or Chinese characters) are not part of the text.</summary>
    public static void RemoveRubyAnnotations(IDocument document)
    {
        if (!document.Source.Text.Contains("<rt", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        foreach (var annotation in PreparsedSelectors.All(document, PreparsedSelectors.RubyAnnotations).ToArray())
        {
            annotation.Remove();
        }
    }

    private static void Unwrap(IElement element)
    {
        var parent = element.Parent!;
        while (element.FirstChild is { } child)
        {
            parent.InsertBefore(child, element);
        }
        parent.RemoveChild(element);
    }

    private static void RemoveComments(INode? root)
    {
        if (root is null)
        {
            return;
        }
        // Iterative and by index: pages nest deep, and AngleSharp's sibling links search the parent's list.
        var comments = new List<INode>();
        var pending = new Stack<INode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            foreach (var child in node.ChildNodes)
            {
                if (child.NodeType == NodeType.Comment)
                {
                    comments.Add(child);
                }
                else if (child.HasChildNodes)
                {
                    pending.Push(child);
                }
            }
        }
        foreach (var comment in comments)
        {
            comment.Parent?.RemoveChild(comment);
        }
    }
}
