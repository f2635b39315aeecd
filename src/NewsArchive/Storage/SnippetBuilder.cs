using System.Text;

namespace NewsArchive.Storage;

/// <summary>
/// Quotes the passage of the original text (not the stems the index holds) with the most matching words,
/// each match in [brackets]. The index cannot give this: it only knows stems.
/// </summary>
public static class SnippetBuilder
{
    public static string? Build(string? text, IReadOnlyList<SearchTerm> terms, WordStemmer stemmer, int windowWords = 24)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var tokens = WordStemmer.Tokenize(text).ToList();
        if (tokens.Count == 0)
        {
            return null;
        }
        var matched = new bool[tokens.Count];
        var matches = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var stem = stemmer.Stem(text.AsSpan(tokens[i].Start, tokens[i].Length));
            if (terms.Any(t => t.Matches(stem)))
            {
                matched[i] = true;
                matches.Add(i);
            }
        }
        // Each window starts a few words before a match; the one holding the most matches wins, the earliest on a tie.
        var bestStart = 0;
        var bestCount = 0;
        foreach (var match in matches)
        {
            var start = Math.Max(0, match - 4);
            var count = 0;
            for (var i = start; i < Math.Min(tokens.Count, start + windowWords); i++)
            {
                count += matched[i] ? 1 : 0;
            }
            if (count > bestCount)
            {
                (bestStart, bestCount) = (start, count);
            }
        }
        var end = Math.Min(tokens.Count, bestStart + windowWords);
        var snippet = new StringBuilder();
        if (bestStart > 0)
        {
            snippet.Append('…');
        }
        var cursor = tokens[bestStart].Start;
        for (var i = bestStart; i < end; i++)
        {
            AppendCollapsed(snippet, text.AsSpan(cursor, tokens[i].Start - cursor));
            var word = text.AsSpan(tokens[i].Start, tokens[i].Length);
            if (matched[i])
            {
                snippet.Append('[').Append(word).Append(']');
            }
            else
            {
                snippet.Append(word);
            }
            cursor = tokens[i].Start + tokens[i].Length;
        }
        if (end < tokens.Count)
        {
            snippet.Append('…');
        }
        else
        {
            AppendCollapsed(snippet, text.AsSpan(cursor).TrimEnd());
        }
        return snippet.ToString();
    }

    // Line breaks and runs of spaces between words become one space: a snippet is one line.
    private static void AppendCollapsed(StringBuilder into, ReadOnlySpan<char> gap)
    {
        var space = false;
        foreach (var c in gap)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                into.Append(' ');
                space = false;
            }
            into.Append(c);
        }
        if (space)
        {
            into.Append(' ');
        }
    }
}
