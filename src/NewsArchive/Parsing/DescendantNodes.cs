using System.Runtime.CompilerServices;
using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>
/// The nodes under a node in document order, walked by index with an explicit stack (sibling links are quadratic on
/// wide lists, recursion deep on deep pages). The first levels of the stack live in the struct itself: a heap stack
/// for every small element asked (counters, anchors, headings, selector tests) was most of such a walk's cost.
/// </summary>
internal struct DescendantNodes
{
    private const int InlineLevels = 8;
    private Levels _levels;
    private Stack<Level>? _deeper;
    private int _depth;
    private INodeList _nodes;
    private int _next;

    public DescendantNodes(INode node)
    {
        _nodes = node.ChildNodes;
    }

    /// <summary>The next node in document order: a node's children come right after it.</summary>
    public bool MoveNext(out INode node)
    {
        while (_next >= _nodes.Length)
        {
            if (_depth == 0)
            {
                node = null!;
                return false;
            }
            _depth--;
            (_nodes, _next) = _depth < InlineLevels ? _levels[_depth] : _deeper!.Pop();
        }
        node = _nodes[_next++];
        if (node.HasChildNodes)
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
            _nodes = node.ChildNodes;
            _next = 0;
        }
        return true;
    }

    /// <summary>
    /// The next text node in document order: the ones <see cref="IElement.TextContent"/> joins. Walked on the walker
    /// itself rather than through a wrapper, which copied the walker's inline stack on every call.
    /// </summary>
    public bool MoveNextText(out IText text)
    {
        while (MoveNext(out var node))
        {
            if (node is IText found)
            {
                text = found;
                return true;
            }
        }
        text = null!;
        return false;
    }

    private readonly record struct Level(INodeList Nodes, int Next);

    [InlineArray(InlineLevels)]
    private struct Levels
    {
        private Level _first;
    }
}
