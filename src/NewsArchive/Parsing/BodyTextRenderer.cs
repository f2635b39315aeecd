using System.Text;
using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>
/// Renders an element as clean text: one paragraph per block, list items on their own lines,
/// whitespace collapsed, non-breaking spaces as spaces, soft hyphens and zero-width marks removed.
/// </summary>
internal sealed class BodyTextRenderer
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "ASIDE", "H1", "H2", "H3", "H4", "H5", "H6",
        "UL", "OL", "LI", "BLOCKQUOTE", "PRE", "TABLE", "THEAD", "TBODY", "TFOOT", "TR", "DL", "DT", "DD", "FIGURE",
        "FIGCAPTION", "ADDRESS", "HR", "CENTER", "NAV", "FORM", "FIELDSET", "CAPTION", "DETAILS", "SUMMARY",
    };

    private readonly StringBuilder _output = new();
    private readonly StringBuilder _line = new();
    private bool _pendingSpace;

    public static string Render(INode root)
    {
        var renderer = new BodyTextRenderer();
        renderer.Visit(root);
        renderer.EndParagraph();
        return renderer._output.ToString().TrimEnd();
    }

    public static string Render(IEnumerable<INode> roots)
    {
        var renderer = new BodyTextRenderer();
        foreach (var root in roots)
        {
            renderer.Visit(root);
            renderer.EndParagraph();
        }
        return renderer._output.ToString().TrimEnd();
    }

    /// <summary>Whether the element starts a paragraph of its own (an upper-case tag name, as AngleSharp gives it).</summary>
    internal static bool IsBlock(string tagName) => BlockTags.Contains(tagName);

    /// <summary>Collapsed one-line text of a node, for titles, anchors and short labels.</summary>
    public static string Inline(INode node) => InlineAtMost(node, int.MaxValue)!;

    /// <summary>
    /// <see cref="Inline"/>, or null once it grows past <paramref name="maxLength"/>: a test for a short label stops
    /// early on a big container instead of collapsing its whole text (the text only grows as nodes are added).
    /// </summary>
    public static string? InlineAtMost(INode node, int maxLength)
    {
        if (node is not IElement element)
        {
            var collapsed = Collapse(node.TextContent);
            return collapsed.Length <= maxLength ? collapsed : null;
        }

        // Element.TextContent joins the text nodes in a pooled builder behind a lock and Collapse copied that again
        // (7% of a parse): the text nodes are collapsed straight into the result instead, in the same order, and a
        // single tidy text node (most anchors) is returned as it is.
        string? first = null;
        StringBuilder? builder = null;
        var space = false;
        var texts = new DescendantNodes(element);
        while (texts.MoveNextText(out var text))
        {
            if (first is null)
            {
                first = text.Data;
                continue;
            }
            if (builder is null)
            {
                builder = new StringBuilder();
                AppendCollapsed(builder, first, ref space);
            }
            AppendCollapsed(builder, text.Data, ref space);
            if (builder.Length > maxLength)
            {
                return null;
            }
        }
        var result = builder?.ToString() ?? Collapse(first);
        return result.Length <= maxLength ? result : null;
    }

    public static string Collapse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        if (IsCollapsed(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        var space = false;
        AppendCollapsed(builder, text, ref space);
        return builder.ToString();
    }

    private static void AppendCollapsed(StringBuilder builder, string text, ref bool space)
    {
        foreach (var c in text)
        {
            if (IsInvisible(c))
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
    }

    // Already what collapsing makes of it: no invisible marks, single plain spaces between words, none at the ends.
    private static bool IsCollapsed(string text)
    {
        var previousSpace = true;
        foreach (var c in text)
        {
            if (IsInvisible(c))
            {
                return false;
            }
            if (char.IsWhiteSpace(c))
            {
                if (c != ' ' || previousSpace)
                {
                    return false;
                }
                previousSpace = true;
                continue;
            }
            previousSpace = false;
        }
        return !previousSpace;
    }

    /// <summary>Soft hyphens, zero-width marks and BOMs: never part of the text.</summary>
    internal static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF';

    private void Visit(INode node)
    {
        switch (node)
        {
            case IText text:
                AppendText(text.Data);
                return;
            case IElement element:
                VisitElement(element);
                return;
            default:
                foreach (var child in node.ChildNodes)
                {
                    Visit(child);
                }
                return;
        }
    }

    /// <summary>
    /// A lone picture's caption and credit interrupt the running text (the body HTML keeps them);
    /// a photo report's captions, one per picture of a gallery, are its story.
    /// </summary>
    private static bool IsLoneCaption(IElement element)
    {
        const int MaxCaptionLength = 300;
        if (element.TagName == "FIGCAPTION")
        {
            return !IsGalleryCaption(element);
        }
        // Captions and credits set as plain blocks beside their picture ("detail-picture-caption", "media__caption").
        return element.TagName is "DIV" or "P" or "SPAN" or "EM" or "SMALL" or "STRONG"
            && Vocabulary.CaptionClass().IsMatch(LinkListExtractor.ClassAndId(element))
            && PreparsedSelectors.Closest(element, PreparsedSelectors.Figure) is null && DescendantTexts.RawLength(element, MaxCaptionLength) <= MaxCaptionLength;
    }

    private static bool IsGalleryCaption(IElement caption)
    {
        if (caption.ParentElement is not { TagName: "FIGURE", ParentElement: { } gallery })
        {
            return false;
        }
        // Two pictures between an article's paragraphs are illustrations; a gallery is mostly pictures.
        int figures = 0, paragraphs = 0;
        foreach (var child in gallery.Children)
        {
            if (child.TagName == "FIGURE")
            {
                figures++;
            }
            else if (child.TagName == "P")
            {
                paragraphs++;
            }
        }
        return figures >= 2 && figures >= paragraphs;
    }

    private void VisitElement(IElement element)
    {
        var tag = element.TagName;
        if (tag == "BR")
        {
            // <br><br> is a paragraph break; a single <br> a line break.
            if (_line.Length == 0 && _output.Length > 0 && !EndsWithParagraph())
            {
                EndParagraph();
            }
            else if (_line.Length > 0)
            {
                _output.Append(_line).Append('\n');
                _line.Clear();
                _pendingSpace = false;
            }
            return;
        }
        if (tag is "IMG" or "SCRIPT" or "STYLE" or "NOSCRIPT" or "TEMPLATE" || IsLoneCaption(element))
        {
            return;
        }
        if (tag is "LI" or "DT" or "DD" or "TR")
        {
            // List items and table rows on their own lines; the list or table as a whole is one paragraph.
            EndLine();
            foreach (var child in element.ChildNodes)
            {
                Visit(child);
            }
            EndLine();
            return;
        }
        var block = BlockTags.Contains(tag);
        if (block)
        {
            EndParagraph();
        }
        else if (tag is "TD" or "TH")
        {
            _pendingSpace = _line.Length > 0;
        }
        foreach (var child in element.ChildNodes)
        {
            Visit(child);
        }
        if (block)
        {
            EndParagraph();
        }
        else if (tag is "TD" or "TH")
        {
            _pendingSpace = _line.Length > 0;
        }
    }

    private void EndLine()
    {
        _pendingSpace = false;
        if (_line.Length > 0)
        {
            _output.Append(_line).Append('\n');
            _line.Clear();
        }
    }

    private bool EndsWithParagraph() => _output.Length >= 2 && _output[^1] == '\n' && _output[^2] == '\n';

    private void AppendText(string text)
    {
        foreach (var c in text)
        {
            if (IsInvisible(c))
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = _line.Length > 0;
                continue;
            }
            if (_pendingSpace)
            {
                _line.Append(' ');
                _pendingSpace = false;
            }
            _line.Append(c);
        }
    }

    private void EndParagraph()
    {
        _pendingSpace = false;
        if (_line.Length > 0)
        {
            _output.Append(_line);
            _line.Clear();
            _output.Append("\n\n");
            return;
        }
        if (_output.Length > 0 && !EndsWithParagraph())
        {
            _output.Append('\n');
        }
    }
}
