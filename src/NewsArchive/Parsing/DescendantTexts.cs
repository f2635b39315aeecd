using System.Runtime.CompilerServices;
using System.Text;
using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>
/// The text nodes under a node in document order, as <see cref="IElement.TextContent"/> joins them, walked without
/// building that string: by index with an explicit stack (sibling links are quadratic on wide lists, recursion deep
/// on deep pages). The first levels of the stack live in the struct itself: a heap stack for every small element
/// asked (counters, anchors, headings) was most of the walk's cost.
/// </summary>
internal struct DescendantTexts
{
    private const int InlineLevels = 16;
    private Levels _levels;
    private Stack<Level>? _deeper;
    private int _depth;
    private INodeList _nodes;
    private int _next;

    public DescendantTexts(INode node)
    {
        _nodes = node.ChildNodes;
    }

    /// <summary>The length of the node's TextContent, counted only until it passes <paramref name="limit"/>.</summary>
    public static int RawLength(INode node, int limit)
    {
        var length = 0;
        var texts = new DescendantTexts(node);
        while (length <= limit && texts.MoveNext(out var text))
        {
            length += text.Data.Length;
        }
        return length;
    }

    /// <summary>
    /// The node's TextContent, joined without AngleSharp's pooled builder (a lock taken and released per call, which
    /// showed in profiles); a lone text node's data is returned as it is.
    /// </summary>
    public static string Join(INode node)
    {
        var texts = new DescendantTexts(node);
        if (!texts.MoveNext(out var first))
        {
            return "";
        }
        if (!texts.MoveNext(out var second))
        {
            return first.Data;
        }
        var builder = new StringBuilder(first.Data).Append(second.Data);
        while (texts.MoveNext(out var text))
        {
            builder.Append(text.Data);
        }
        return builder.ToString();
    }

    public bool MoveNext(out IText text)
    {
        while (true)
        {
            if (_next >= _nodes.Length)
            {
                if (_depth == 0)
                {
                    text = null!;
                    return false;
                }
                _depth--;
                (_nodes, _next) = _depth < InlineLevels ? _levels[_depth] : _deeper!.Pop();
                continue;
            }
            var child = _nodes[_next++];
            if (child is IText found)
            {
                text = found;
                return true;
            }
            if (child.HasChildNodes)
            {
                var level = new Level(_nodes, _next);
                if (_depth < InlineLevels)
                {
                    _levels[_depth] = level;
                }
                else
                {
                    (_deeper ??= new()).Push(level);
                }
                _depth++;
                _nodes = child.ChildNodes;
                _next = 0;
            }
        }
    }

    private readonly record struct Level(INodeList Nodes, int Next);

    [InlineArray(InlineLevels)]
    private struct Levels
    {
        private Level _first;
    }
}
