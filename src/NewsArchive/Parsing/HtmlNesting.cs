using System.Collections.Frozen;

namespace NewsArchive.Parsing;

/// <summary>
/// A linear pre-scan of markup for runaway nesting. AngleSharp caps the tree's depth, but its tree builder still
/// spends time proportional to the open elements on each tag, so 100,000 nested <c>&lt;div&gt;</c>s take minutes:
/// such a page is refused before it is parsed.
/// </summary>
internal static class HtmlNesting
{
    /// <summary>Far deeper than any real page (AngleSharp itself builds at most 512 levels).</summary>
    public const int MaxDepth = 5_000;

    // Void elements never hold children; these others may leave out their end tag, so sloppy pages would inflate the count.
    private static readonly FrozenSet<string> NotNesting = new[]
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup",
        "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> RawText = new[] { "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when more than <paramref name="limit"/> elements are open at once (counting only those that must be closed).</summary>
    public static bool IsDeeperThan(string html, int limit = MaxDepth)
    {
        // Each '<' opens at most one level: a page with no more of them than the limit (98% of the corpus) cannot be
        // deeper, and one vectorised count costs a fraction of the scan's tag-name lookups.
        if (html.AsSpan().Count('<') <= limit)
        {
            return false;
        }
        var notNesting = NotNesting.GetAlternateLookup<ReadOnlySpan<char>>();
        var rawText = RawText.GetAlternateLookup<ReadOnlySpan<char>>();
        var depth = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (close < 0)
                {
                    return false;
                }
                i = close + 3;
                continue;
            }
            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }
            var end = html.IndexOf('>', nameEnd);
            if (end < 0)
            {
                return false;
            }
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            i = end + 1;
            if (notNesting.Contains(name))
            {
                continue;
            }
            if (closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (rawText.Contains(name))
            {
                // Markup-looking text inside a script or a style is not markup.
                var rawEnd = html.IndexOf("</" + name.ToString(), i, StringComparison.OrdinalIgnoreCase);
                if (rawEnd < 0)
                {
                    return false;
                }
                i = rawEnd;
            }
            else if (html[end - 1] != '/' && ++depth > limit)
            {
                return true;
            }
        }
        return false;
    }
}
