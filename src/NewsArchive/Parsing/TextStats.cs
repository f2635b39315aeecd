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
    private readonly Dictionary<IElement, ElementStats> _stats;

    public TextStats(IElement root)
    {
        _stats = [];
        Measure(root);
    }

    /// <summary>
    /// The whole page, as from its root element, from the page's element list: each element comes after its parent,
    /// so one backward pass sums children into parents without a walk or a lookup per child. Elements removed since
    /// the list was taken (no element is added or moved after it) are left out as a walk from the root would leave them.
    /// </summary>
    public TextStats(PageElements elements)
    {
        var all = elements.All;
        _stats = new Dictionary<IElement, ElementStats>(all.Count);
        // Still in the page and not inside a never-text element (whose subtree the walk does not enter).
        var measured = new bool[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            var parent = elements.ParentOf(i);
            measured[i] = parent < 0
                ? all[i].Parent is IDocument
                : measured[parent] && !IsNeverText(all[parent]) && all[i].Parent == all[parent];
        }
        var childSums = new ElementStats[all.Count];
        for (var i = all.Count - 1; i >= 0; i--)
        {
            if (!measured[i])
            {
                continue;
            }
            var stats = Own(all[i], childSums[i]);
            _stats[all[i]] = stats;
            if (elements.ParentOf(i) is var parent and >= 0)
            {
                childSums[parent] += stats;
            }
        }
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
                if (IsNeverText(element))
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
            var childSums = default(ElementStats);
            if (!IsNeverText(element))
            {
                foreach (var node in element.ChildNodes)
                {
                    if (node is IElement child && _stats.TryGetValue(child, out var childStats))
                    {
                        childSums += childStats;
                    }
                }
            }
            _stats[element] = Own(element, childSums);
        }
    }

    private static bool IsNeverText(IElement element) => element.TagName is "SCRIPT" or "STYLE" or "NOSCRIPT" or "TEMPLATE";

    /// <summary>An element's figures: its own text nodes added to its children's sums; empty for a never-text element.</summary>
    private static ElementStats Own(IElement element, ElementStats children)
    {
        if (IsNeverText(element))
        {
            return default;
        }
        var text = children.Text;
        foreach (var node in element.ChildNodes)
        {
            if (node is IText textNode)
            {
                text += CollapsedLength(textNode.Data);
            }
        }
        var links = element.TagName == "A" ? text : children.LinkText;
        var paragraphs = element.TagName is "P" or "PRE" or "BLOCKQUOTE" ? text : children.ParagraphText;
        return new ElementStats(text, links, paragraphs);
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
