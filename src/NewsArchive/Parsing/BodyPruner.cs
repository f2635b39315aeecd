using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>Removes what survives inside the chosen body but is not article text: link blocks, counters, date lines, the title.</summary>
internal static partial class BodyPruner
{
    [GeneratedRegex(@"^[\s\d.,:|/·•()+\-]*$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex CounterLike();

    /// <summary>"Дата: 14.02.2026", "Опубликовано 3 марта": the label before a date line.</summary>
    [GeneratedRegex(@"^\s*(дата|дата\s+публикации|опубликовано|добавлено|обновлено|date|datum|published|posted|updated|veröffentlicht|stand)(\s+(am|on|от))?\s*:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex DateLabel();

    public static void Prune(IElement root, string? title, ParseContext context, TextStats stats)
    {
        CutAtComments(root, stats);
        CutAtTailHeading(root);
        foreach (var element in PreparsedSelectors.All(root, PreparsedSelectors.Any).ToArray())
        {
            if (element.Parent is null || !root.Contains(element))
            {
                continue;
            }
            if (ShouldDrop(element, title, context, stats))
            {
                element.Remove();
            }
        }
    }

    /// <summary>Removes a comments heading inside the body and everything after it.</summary>
    private static void CutAtComments(IElement root, TextStats stats)
    {
        foreach (var heading in PreparsedSelectors.All(root, PreparsedSelectors.SubHeadings))
        {
            if (stats.Text(heading) <= 100 && Vocabulary.CommentsHeading().IsMatch(BodyTextRenderer.Inline(heading)))
            {
                NodeCuts.CutFrom(root, heading);
                return;
            }
        }
    }

    /// <summary>
    /// Cuts the body at a heading in its second half that opens what follows an article: related
    /// stories, share and newsletter prompts, the author's bio, tags, contacts, sources.
    /// </summary>
    private static void CutAtTailHeading(IElement root)
    {
        var seen = 0;
        var candidates = new List<(IElement Heading, int Before)>();
        var appeals = new List<(IElement Block, int Before)>();
        // Child lists walked by index: AngleSharp's sibling links search the parent's list, quadratic on wide pages.
        var open = new Stack<(INodeList Nodes, int Next)>();
        open.Push((root.ChildNodes, 0));
        while (open.TryPop(out var level))
        {
            if (level.Next >= level.Nodes.Length)
            {
                continue;
            }
            open.Push((level.Nodes, level.Next + 1));
            var node = level.Nodes[level.Next];
            if (node is IText text)
            {
                seen += text.Data.Length;
            }
            else if (node is IElement element)
            {
                if (IsTailHeading(element))
                {
                    candidates.Add((element, seen));
                }
                else if (element.TagName is "P" or "DIV" && IsAppealToReader(element))
                {
                    appeals.Add((element, seen));
                }
                open.Push((element.ChildNodes, 0));
            }
        }
        foreach (var (heading, before) in candidates)
        {
            if (before * 2 >= seen)
            {
                NodeCuts.CutFrom(root, heading);
                return;
            }
        }
        foreach (var (block, before) in appeals)
        {
            // An appeal to subscribe, follow or donate in the last fifth closes the article.
            if (before * 5 >= seen * 4)
            {
                NodeCuts.CutFrom(root, block);
                return;
            }
        }
    }

    private static bool IsAppealToReader(IElement element)
    {
        const int MaxAppealLength = 250;
        // Lengths counted only as far as the limits: a P or DIV holding the whole article is asked too.
        return DescendantTexts.RawLength(element, MaxAppealLength * 2) <= MaxAppealLength * 2
            && BodyTextRenderer.InlineAtMost(element, MaxAppealLength) is { Length: > 0 } inline
            && Vocabulary.AppealToReader().IsMatch(inline);
    }

    private static bool IsTailHeading(IElement element)
    {
        var headingTag = element.TagName is "H2" or "H3" or "H4" or "H5" or "H6";
        if (!headingTag && element.TagName is not ("P" or "DIV" or "STRONG" or "B" or "SPAN"))
        {
            return false;
        }
        var text = BodyTextRenderer.InlineAtMost(element, 80);
        if (text is null or { Length: 0 })
        {
            return false;
        }
        if (!headingTag && !(text.EndsWith(':') || element.TagName is "STRONG" or "B" || IsBareTailPhrase(element, text)
            || (element.ChildElementCount == 1 && element.FirstElementChild!.TagName is "STRONG" or "B" && element.FirstElementChild.TextContent.Trim().Length == text.Length)))
        {
            return false;
        }
        if (!headingTag && IsLabelOfInlineTeaser(element, text))
        {
            // "Читайте также: <a>…</a>" in the middle of a story is one line to drop, not the end of the story.
            return false;
        }
        return Vocabulary.TailHeading().IsMatch(text)
            || (Vocabulary.RelatedHeading().Match(text) is { Success: true, Index: < 3 });
    }

    // "<p>Explore further</p>": a short line that is nothing but a tail phrase, set as a paragraph instead of a heading.
    private static bool IsBareTailPhrase(IElement element, string text) =>
        text.Length <= 40 && element.ChildElementCount == 0 && !text.EndsWith('.') && Vocabulary.TailHeading().IsMatch(text);

    private static bool IsLabelOfInlineTeaser(IElement label, string labelText)
    {
        var line = label.TagName is "P" or "DIV" ? label : label.ParentElement;
        return line is { TagName: "P" or "DIV" } && PreparsedSelectors.First(line, PreparsedSelectors.Links) is { } link && !label.Contains(link)
            && BodyTextRenderer.Inline(line).Length > labelText.Length + 10;
    }

    private static bool ShouldDrop(IElement element, string? title, ParseContext context, TextStats stats)
    {
        if (element.TagName is "BR" or "IMG" or "HR")
        {
            return false;
        }
        if (element.TagName == "H1")
        {
            return true;
        }
        var length = stats.Text(element);
        if (element.TagName is "DIV" or "UL" or "OL" or "SECTION" or "TABLE" && stats.LinkDensity(element) > 0.75 && PreparsedSelectors.All(element, PreparsedSelectors.Anchors).Length >= 3)
        {
            // A list of links inside the body whatever its size: a playlist, a teaser grid, a tag cloud.
            return true;
        }
        if (length > 200 && element.TagName is not ("H2" or "H3"))
        {
            // Long blocks are pruned piecewise through their children; reading their text here would be quadratic.
            return false;
        }
        var text = BodyTextRenderer.Inline(element);
        if (title is not null && text.Length == title.Length && string.Equals(text, title, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (text.Length == 0)
        {
            return PreparsedSelectors.First(element, PreparsedSelectors.ImageOrTable) is null && element.TagName is not ("TD" or "TH");
        }
        if (text.Length <= 80 && Vocabulary.ChromeLine().IsMatch(text) && element.TagName is not ("TD" or "TH" or "LI"))
        {
            return true;
        }
        if (text.Length <= 60 && text.Contains('/', StringComparison.Ordinal) && !text.EndsWith('.') && Vocabulary.PhotoAgency().IsMatch(text)
            && element.TagName is not ("TD" or "TH" or "LI"))
        {
            // A photo credit line: "AFP / Marco Bertorello".
            return true;
        }
        // A leftover "Читайте также:" / "Read more: <link>" line whose list went to the link graph.
        if (text.Length <= 160 && Vocabulary.RelatedHeading().IsMatch(text) && Vocabulary.RelatedHeading().Match(text).Index < 3
            && (text.Length <= 50 || stats.LinkDensity(element) > 0.5))
        {
            return true;
        }
        // A heading that is wholly a link is another story's teaser, not a subheading of this one.
        if (element.TagName is "H2" or "H3" or "H4" or "H5" or "H6" && stats.LinkDensity(element) > 0.9 && PreparsedSelectors.First(element, PreparsedSelectors.Links) is not null)
        {
            return true;
        }
        // Bare numbers are views, comments or likes unless inside a sentence.
        if (text.Length <= 20 && CounterLike().IsMatch(text) && element.TagName is not ("TD" or "TH" or "LI"))
        {
            return true;
        }
        var isBlock = element.TagName is "DIV" or "P" or "UL" or "OL" or "SECTION" or "TABLE" or "SPAN" or "TIME";
        if (isBlock && text.Length < 200 && element.TagName is not ("P" or "TABLE")
            && stats.LinkDensity(element) > 0.45 && PreparsedSelectors.All(element, PreparsedSelectors.Anchors).Length >= 2)
        {
            return true;
        }
        if (element.TagName == "P" && text.Length < 120 && stats.LinkDensity(element) > 0.9 && PreparsedSelectors.First(element, PreparsedSelectors.Links) is not null)
        {
            // A paragraph that is only a link is another story's headline ("Lea: …", "Также: …").
            return true;
        }
        if (element.TagName is "TIME" or "SPAN" or "DIV" or "P" or "FONT" or "SMALL" or "EM" or "I" && text.Length <= 40
            && DateTextParser.Parse(DateLabel().Replace(text, ""), context.Now, context.SiteZone) is not null && !HasSentence(text))
        {
            return true;
        }
        return false;
    }

    private static bool HasSentence(string text) => text.Count(char.IsLetter) > 25;
}
