using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>
/// Every element of a parsed page in document order, walked once, so that the stages filter one list with plain tests
/// instead of each selecting over the whole document again (those selections were 13% of a parse). Nothing is added
/// to the page while it is parsed, only removed: a stage that runs after removals keeps the elements still
/// <see cref="IsInDocument"/>.
/// </summary>
internal sealed class PageElements
{
    private readonly List<IElement> _all = [];
    private readonly List<int> _parents = [];

    public PageElements(IDocument document)
    {
        if (document.DocumentElement is not { } root)
        {
            return;
        }
        var body = document.Body;
        var parents = _parents;
        var bodyIndex = -1;
        // Iterative and by index: pages nest deep, and AngleSharp's sibling links search the parent's list.
        var pending = new Stack<(IElement Element, int Parent)>();
        pending.Push((root, -1));
        while (pending.TryPop(out var entry))
        {
            var index = _all.Count;
            _all.Add(entry.Element);
            parents.Add(entry.Parent);
            if (entry.Element == body)
            {
                bodyIndex = index;
            }
            var children = entry.Element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement child)
                {
                    pending.Push((child, index));
                }
            }
        }
        if (bodyIndex >= 0)
        {
            // The body's descendants follow it in document order, each with its parent among them or the body itself,
            // up to the first element outside it.
            BodyStart = bodyIndex + 1;
            BodyEnd = BodyStart;
            while (BodyEnd < _all.Count && parents[BodyEnd] >= bodyIndex)
            {
                BodyEnd++;
            }
        }
    }

    /// <summary>All elements, the root included, in document order (what the document's QuerySelectorAll("*") finds).</summary>
    public IReadOnlyList<IElement> All => _all;

    /// <summary>The index in <see cref="All"/> of the element's parent as the page was parsed; -1 for the root.</summary>
    public int ParentOf(int index) => _parents[index];

    /// <summary>Where the body's descendants start in <see cref="All"/> (what body.QuerySelectorAll("*") finds).</summary>
    public int BodyStart { get; }

    /// <summary>Where the body's descendants end in <see cref="All"/>, exclusive; equal to BodyStart without a body.</summary>
    public int BodyEnd { get; }

    /// <summary>Still in the page: no removed element above it.</summary>
    public static bool IsInDocument(IElement element)
    {
        INode node = element;
        while (node.Parent is { } parent)
        {
            node = parent;
        }
        return node is IDocument;
    }

    /// <summary>Whether the tag name is the given lower-case one, as a CSS type selector matches it (ignoring case).</summary>
    public static bool Is(IElement element, string localName) => element.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase);

    /// <summary>An a[href]: an anchor that links somewhere.</summary>
    public static bool IsLink(IElement element) => Is(element, "a") && element.HasAttribute("href");

    /// <summary>Whether one of the class attribute's tokens is one of these, as a CSS class selector matches (exact case).</summary>
    public static bool HasClass(IElement element, params ReadOnlySpan<string> tokens)
    {
        if (element.ClassName is not { Length: > 0 } className)
        {
            return false;
        }
        foreach (var range in className.AsSpan().SplitAny(" \t\n\r\f"))
        {
            var token = className.AsSpan(range);
            foreach (var wanted in tokens)
            {
                if (token.SequenceEqual(wanted))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
