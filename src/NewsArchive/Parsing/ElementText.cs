using System.Text;
using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>Short visible text of an element, read with a bound so big containers cost little.</summary>
internal static class ElementText
{
    /// <summary>
    /// The element's text with whitespace collapsed and a space at element boundaries
    /// ("<span>11</span><span>марта</span>" reads "11 марта"), or null when longer than
    /// <paramref name="maxLength"/> or spread over too many nodes.
    /// </summary>
    public static string? Capped(IElement element, int maxLength, int maxNodes = 300)
    {
        var builder = new StringBuilder();
        var visited = 0;
        // Child lists walked by index: AngleSharp's sibling links search the parent's list, quadratic on wide pages.
        var open = new Stack<(INodeList Nodes, int Next)>();
        open.Push((element.ChildNodes, 0));
        while (open.TryPop(out var level))
        {
            if (level.Next >= level.Nodes.Length)
            {
                // Leaving an element: its boundary reads as a space.
                AppendSpace(builder);
                continue;
            }

            open.Push((level.Nodes, level.Next + 1));
            if (++visited > maxNodes)
            {
                return null;
            }

            var node = level.Nodes[level.Next];
            if (node is IText text)
            {
                if (!AppendCollapsed(builder, text.Data, maxLength))
                {
                    return null;
                }
            }
            else if (node is IElement child && !IsInvisible(child))
            {
                AppendSpace(builder);
                open.Push((child.ChildNodes, 0));
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>The element's own text (direct text children), whitespace collapsed, cut just past <paramref name="maxLength"/>.</summary>
    public static string Own(IElement element, int maxLength)
    {
        if (!HasOwnText(element))
        {
            // Asked of most blocks by the date walk: without a visible character of its own the text is empty.
            return "";
        }
        var builder = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            if (node is IText text && !AppendCollapsed(builder, text.Data, maxLength))
            {
                break;
            }

            if (node is IElement)
            {
                AppendSpace(builder);
            }
        }

        return builder.ToString().Trim();
    }

    private static bool HasOwnText(IElement element)
    {
        foreach (var node in element.ChildNodes)
        {
            if (node is IText text && !string.IsNullOrWhiteSpace(text.Data))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsInvisible(IElement element) =>
        element.LocalName is "script" or "style" or "template" or "noscript" or "svg";

    private static bool AppendCollapsed(StringBuilder builder, string data, int maxLength)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                AppendSpace(builder);
            }
            else
            {
                builder.Append(c);
            }

            if (builder.Length > maxLength)
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendSpace(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != ' ')
        {
            builder.Append(' ');
        }
    }
}
