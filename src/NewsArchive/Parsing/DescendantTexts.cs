using System.Text;
using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>
/// The text nodes under a node in document order, as <see cref="IElement.TextContent"/> joins them, walked without
/// building that string.
/// </summary>
internal struct DescendantTexts
{
    private DescendantNodes _nodes;

    public DescendantTexts(INode node)
    {
        _nodes = new DescendantNodes(node);
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
        while (_nodes.MoveNext(out var node))
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
}
