using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>
/// The text nodes under a node in document order, as <see cref="IElement.TextContent"/> joins them, walked without
/// building that string: by index with an explicit stack (sibling links are quadratic on wide lists, recursion deep
/// on deep pages), the stack made only when the node has nested elements.
/// </summary>
internal struct DescendantTexts
{
    private Stack<(INodeList Nodes, int Next)>? _open;
    private INodeList _nodes;
    private int _next;

    public DescendantTexts(INode node)
    {
        _nodes = node.ChildNodes;
    }

    public bool MoveNext(out IText text)
    {
        while (true)
        {
            if (_next >= _nodes.Length)
            {
                if (_open is null || !_open.TryPop(out var level))
                {
                    text = null!;
                    return false;
                }
                (_nodes, _next) = level;
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
                (_open ??= new()).Push((_nodes, _next));
                _nodes = child.ChildNodes;
                _next = 0;
            }
        }
    }
}
