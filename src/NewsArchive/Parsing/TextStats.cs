using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>
/// Text, link-text and paragraph-text lengths of every element under a root, computed in one
/// bottom-up pass so that scoring and pruning never re-read a subtree's text (which is quadratic on
/// deep pages). Figures are taken once: after elements are removed they overstate, which the
/// callers tolerate because removals only ever shrink what is left.
/// </summary>
internal sealed class TextStats
{
    private readonly Dictionary<IElement, ElementStats> _stats = new();

    public TextStats(IElement root)
    {
        Measure(root);
    }

    public ElementStats this[IElement element] => _stats.TryGetValue(element, out var stats) ? stats : Compute(element);

    public int Text(IElement element) => this[element].Text;

    public double LinkDensity(IElement element) => this[element].LinkDensity;

    /// <summary>Elements added or missed later are measured on demand.</summary>
    private ElementStats Compute(IElement element)
    {
        Measure(element);
        return _stats[element];
    }

    private void Measure(IElement root)
    {
        // Iterative post-order walk: broken pages nest thousands of levels deep.
        var stack = new Stack<(IElement Element, bool Done)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (element, done) = stack.Pop();
            if (!done)
            {
                stack.Push((element, true));
                if (element.TagName is "SCRIPT" or "STYLE" or "NOSCRIPT" or "TEMPLATE")
                {
                    // Never text: measured as empty, so one pass before cleaning serves after it too.
                    continue;
                }
                // By index: AngleSharp's sibling links search the parent's list, quadratic on wide pages.
                var children = element.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--)
                {
                    if (children[i] is IElement child)
                    {
                        stack.Push((child, false));
                    }
                }
                continue;
            }
            int text = 0, links = 0, paragraphs = 0;
            if (element.TagName is "SCRIPT" or "STYLE" or "NOSCRIPT" or "TEMPLATE")
            {
                _stats[element] = default;
                continue;
            }
            foreach (var node in element.ChildNodes)
            {
                if (node is IText textNode)
                {
                    text += CollapsedLength(textNode.Data);
                }
                else if (node is IElement child && _stats.TryGetValue(child, out var childStats))
                {
                    text += childStats.Text;
                    links += childStats.LinkText;
                    paragraphs += childStats.ParagraphText;
                }
            }
            if (element.TagName == "A")
            {
                links = text;
            }
            if (element.TagName is "P" or "PRE" or "BLOCKQUOTE")
            {
                paragraphs = text;
            }
            _stats[element] = new ElementStats(text, links, paragraphs);
        }
    }

    /// <summary>Length with whitespace runs counted as one character, as the rendered text has them.</summary>
    private static int CollapsedLength(string data)
    {
        var length = 0;
        var space = false;
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                {
                    length++;
                    space = true;
                }
                continue;
            }
            if (!BodyTextRenderer.IsInvisible(c))
            {
                length++;
            }
            space = false;
        }
        return length;
    }
}
