using System.Globalization;

namespace NewsArchive.Parsing;

/// <summary>
/// Splits text into numbers, words and single-character symbols in one linear pass, so the
/// matchers after it only ever look a bounded number of tokens ahead whatever the input.
/// </summary>
internal static class DateTokenizer
{
    /// <summary>Lower-cases, folds ё to е and drops combining marks (stress accents, decomposed umlauts).</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 512 ? stackalloc char[512] : new char[text.Length];
        var length = 0;
        foreach (var raw in text)
        {
            if (char.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var c = char.ToLowerInvariant(raw);
            buffer[length++] = c == 'ё' ? 'е' : c;
        }

        return new string(buffer[..length]);
    }

    public static List<DateToken> Tokenize(string normalized)
    {
        var tokens = new List<DateToken>(Math.Min(normalized.Length / 3 + 4, 4096));
        var space = false;
        var i = 0;
        while (i < normalized.Length)
        {
            var c = normalized[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                var value = 0;
                while (i < normalized.Length && char.IsAsciiDigit(normalized[i]))
                {
                    if (i - start < 9)
                    {
                        value = value * 10 + (normalized[i] - '0');
                    }

                    i++;
                }

                var length = i - start;
                tokens.Add(new DateToken(DateTokenKind.Number, start, length, length > 9 ? -1 : value, space));
                space = false;
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < normalized.Length && char.IsLetter(normalized[i]))
                {
                    i++;
                }

                tokens.Add(new DateToken(DateTokenKind.Word, start, i - start, 0, space));
                space = false;
            }
            else if (char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                space = true;
                i++;
            }
            else
            {
                tokens.Add(new DateToken(DateTokenKind.Symbol, i, 1, c, space));
                space = false;
                i++;
            }
        }

        return tokens;
    }
}
