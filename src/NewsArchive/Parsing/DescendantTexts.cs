using System.Text;
using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>What <see cref="IElement.TextContent"/> gives, read from the text nodes without AngleSharp's builder.</summary>
internal static class DescendantTexts
{
    /// <summary>The length of the node's TextContent, counted only until it passes <paramref name="limit"/>.</summary>
    public static int RawLength(INode node, int limit)
    {
        var length = 0;
        var texts = new DescendantNodes(node);
        while (length <= limit && texts.MoveNextText(out var text))
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
        var texts = new DescendantNodes(node);
        if (!texts.MoveNextText(out var first))
        {
            return "";
        }
        if (!texts.MoveNextText(out var second))
        {
            return first.Data;
        }
        var builder = new StringBuilder(first.Data).Append(second.Data);
        while (texts.MoveNextText(out var text))
        {
            builder.Append(text.Data);
        }
        return builder.ToString();
    }
}
