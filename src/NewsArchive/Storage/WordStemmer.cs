using System.Globalization;
using System.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace NewsArchive.Storage;

/// <summary>
/// Splits text into words and reduces each to its stem with Lucene's stemmers (Snowball Russian for Cyrillic
/// words, Snowball English for Latin ones), so that «электромобилей» and «электромобиль» index as the same
/// term. The full-text index holds these stems; the same code stems the user's query.
/// Snowball Russian reads nouns in -или/-ила as past-tense verbs («электромобили» → «электромоб», but
/// «электромобиль» → «электромобил»), so for Russian the stem of Lucene's light noun stemmer is taken when it
/// keeps more of the word: both only cut endings, and the longer cut is the one that stays with the noun.
/// Not thread-safe: the stemmers keep state.
/// </summary>
public sealed class WordStemmer
{
    // Longer "words" are URLs, hashes or glued text: stemming them gains nothing.
    private const int MaxStemmedLength = 40;
    // Stems of words seen before: a news archive repeats a few tens of thousands of word forms, and a lookup is
    // far cheaper than the Snowball programs. Cleared when full, so memory stays bounded.
    private const int CacheLimit = 100_000;
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _cacheBySpan;
    private readonly RussianStemmer _russian = new();
    private readonly EnglishStemmer _english = new();
    private readonly Lucene.Net.Analysis.Ru.RussianLightStemmer _russianLight = new();

    public WordStemmer()
    {
        _cacheBySpan = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Words are runs of letters and digits (with combining marks); everything else separates them.</summary>
    public static List<WordToken> Tokenize(string text)
    {
        // About one word in seven characters of Russian prose.
        var words = new List<WordToken>(text.Length / 6 + 1);
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsWordChar(text[i]))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                words.Add(new WordToken(start, i - start));
                start = -1;
            }
        }
        if (start >= 0)
        {
            words.Add(new WordToken(start, text.Length - start));
        }
        return words;
    }

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>Lower case, «ё» as «е»: how Russian is usually typed into a search box.</summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        Fold(word, buffer);
        return new string(buffer);
    }

    /// <summary>
    /// What <see cref="Normalize"/> returns, into <paramref name="into"/> (as long as <paramref name="text"/>).
    /// ASCII and the basic Cyrillic letters are lower-cased here, and characters no case applies to (quotes, dashes,
    /// no-break spaces: every news text has them) are copied; only the rest costs a call into ICU, one character at a
    /// time, or from the first surrogate on the whole remainder, which gives the same result as lower-casing the whole text.
    /// </summary>
    public static void Fold(ReadOnlySpan<char> text, Span<char> into)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                into[i] = c is >= 'A' and <= 'Z' ? (char)(c + 0x20) : c;
            }
            else if (c is >= '\u0410' and <= '\u042F')
            {
                into[i] = (char)(c + 0x20);
            }
            else if (c is >= '\u0430' and <= '\u045F' && c != 'ё')
            {
                into[i] = c;
            }
            else if (c is 'ё' or 'Ё')
            {
                into[i] = 'е';
            }
            else if (c is >= '\u0400' and <= '\u040F')
            {
                into[i] = (char)(c + 0x50);
            }
            else if (char.IsSurrogate(c))
            {
                text[i..].ToLowerInvariant(into[i..]);
                into[i..].Replace('ё', 'е');
                return;
            }
            else
            {
                into[i] = HasLowerCase(c) ? char.ToLowerInvariant(c) : c;
            }
        }
    }

    // Only upper- and title-case letters, letter numbers (Ⅻ) and other symbols (Ⓐ) have lower-case forms.
    private static bool HasLowerCase(char c) => char.GetUnicodeCategory(c)
        is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.LetterNumber or UnicodeCategory.OtherSymbol;

    /// <summary>The stem of one word (any case); digits and other scripts come back normalised but unstemmed.</summary>
    public string Stem(ReadOnlySpan<char> word)
    {
        if (word.Length > 128)
        {
            return Normalize(word);
        }
        Span<char> buffer = stackalloc char[word.Length];
        Fold(word, buffer);
        return StemFolded(buffer);
    }

    /// <summary><see cref="Stem"/> of a word already folded (<see cref="Fold"/>).</summary>
    private string StemFolded(ReadOnlySpan<char> folded)
    {
        if (folded.Length > 128)
        {
            return new string(folded);
        }
        if (_cacheBySpan.TryGetValue(folded, out var cached))
        {
            return cached;
        }
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }
        var normal = new string(folded);
        var stem = StemNormal(normal);
        _cache[normal] = stem;
        return stem;
    }

    private string StemNormal(string normal)
    {
        if (normal.Length > MaxStemmedLength || normal.Length < 2)
        {
            return normal;
        }
        var script = ScriptOf(normal);
        if (script == 0)
        {
            return normal;
        }
        var stemmer = script == 1 ? (Lucene.Net.Tartarus.Snowball.SnowballProgram)_russian : _english;
        stemmer.SetCurrent(normal);
        stemmer.Stem();
        var stem = stemmer.Current;
        if (script == 1)
        {
            var buffer = normal.ToCharArray();
            var length = _russianLight.Stem(buffer, buffer.Length);
            if (length > stem.Length && length <= normal.Length)
            {
                stem = new string(buffer, 0, length);
            }
        }
        return stem.Length == 0 ? normal : stem;
    }

    /// <summary>The text as its stems separated by spaces, in order: what the full-text index holds.</summary>
    public string StemText(string? text) => string.IsNullOrEmpty(text) ? "" : StemWords(FoldedText.Of(text));

    /// <summary><see cref="StemText(string?)"/> of a text already folded and split into words.</summary>
    internal string StemWords(FoldedText text)
    {
        var builder = new StringBuilder(text.Folded.Length);
        foreach (var word in text.Words)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(StemFolded(text.Folded.AsSpan(word.Start, word.Length)));
        }
        return builder.ToString();
    }

    // 1: Cyrillic, 2: Latin, 0: neither (digits, other scripts). A word with any Cyrillic letter is Russian.
    private static int ScriptOf(string word)
    {
        var latin = false;
        foreach (var c in word)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                return 1;
            }
            latin |= c is >= 'a' and <= 'z';
        }
        return latin ? 2 : 0;
    }
}
