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
        var node = element.FirstChild;
        while (node is not null)
        {
            if (++visited > maxNodes)
            {
                return null;
            }

            INode? next = null;
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
                next = child.FirstChild;
            }

            if (next is null)
            {
                var current = node;
                while (current != element && current.NextSibling is null)
                {
                    current = current.Parent;
                    if (current is null)
                    {
                        break;
                    }

                    AppendSpace(builder);
                }

                next = current is null || current == element ? null : current.NextSibling;
            }

            node = next;
        }

        return builder.ToString().Trim();
    }

    /// <summary>The element's own text (direct text children), whitespace collapsed, cut just past <paramref name="maxLength"/>.</summary>
    public static string Own(IElement element, int maxLength)
    {
        var builder = new StringBuilder();
        for (var node = element.FirstChild; node is not null; node = node.NextSibling)
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
