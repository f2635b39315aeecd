using System.Text;

namespace NewsArchive.Storage;

/// <summary>
/// Parses what a user types into search: words, "phrases", prefix*, AND / OR / NOT (upper case, NOT binary
/// as in FTS5: «лизинг NOT грузовики»), parentheses; words side by side mean AND. Precedence as in FTS5:
/// NOT binds tightest, then AND, then OR. Mistakes are <see cref="ArchiveException"/>s marked as user errors.
/// </summary>
public sealed class SearchQueryParser(WordStemmer stemmer)
{
    private List<SearchToken> _tokens = [];
    private int _position;
    private List<SearchTerm> _terms = [];

    public SearchQuery Parse(string text)
    {
        _tokens = Lex(text);
        _position = 0;
        _terms = [];
        if (_tokens.Count == 0)
        {
            throw Error("it has no words to look for");
        }
        var expression = ParseOr(positive: true);
        if (_position < _tokens.Count)
        {
            throw _tokens[_position].Kind == SearchTokenKind.Close ? Error("')' has no matching '('") : Error($"unexpected {Describe(_tokens[_position])}");
        }
        return new SearchQuery(expression, _terms.Distinct().ToList());
    }

    private string ParseOr(bool positive)
    {
        var left = ParseAnd(positive);
        while (Peek(SearchTokenKind.Or))
        {
            _position++;
            left = $"({left} OR {ParseAnd(positive)})";
        }
        return left;
    }

    private string ParseAnd(bool positive)
    {
        var left = ParseNot(positive);
        while (_position < _tokens.Count)
        {
            if (Peek(SearchTokenKind.And))
            {
                _position++;
                if (Peek(SearchTokenKind.Not))
                {
                    // «дилер AND NOT Haval» is how people write FTS5's binary «дилер NOT Haval».
                    _position++;
                    left = $"({left} NOT {ParsePrimary(positive: false)})";
                    continue;
                }
            }
            else if (!Peek(SearchTokenKind.Words) && !Peek(SearchTokenKind.Open))
            {
                break;
            }
            left = $"({left} AND {ParseNot(positive)})";
        }
        return left;
    }

    private string ParseNot(bool positive)
    {
        var left = ParsePrimary(positive);
        while (Peek(SearchTokenKind.Not))
        {
            _position++;
            left = $"({left} NOT {ParsePrimary(positive: false)})";
        }
        return left;
    }

    private string ParsePrimary(bool positive)
    {
        if (_position >= _tokens.Count)
        {
            var previous = _tokens[^1];
            throw Error(previous.Kind == SearchTokenKind.Open ? "'(' is not closed" : $"{Describe(previous)} needs a word after it");
        }
        var token = _tokens[_position++];
        switch (token.Kind)
        {
            case SearchTokenKind.Words:
                return Terms(token, positive);
            case SearchTokenKind.Open:
                if (Peek(SearchTokenKind.Close))
                {
                    throw Error("'()' is empty");
                }
                var inner = ParseOr(positive);
                if (!Peek(SearchTokenKind.Close))
                {
                    throw Error("'(' is not closed");
                }
                _position++;
                return inner;
            case SearchTokenKind.Close:
                throw Error("')' has no matching '('");
            default:
                throw Error(_position == 1
                    ? $"it cannot start with {token.Text}{(token.Kind == SearchTokenKind.Not ? " (NOT excludes from what comes before it: «лизинг NOT грузовики»)" : "")}"
                    : $"{token.Text} needs a word before it");
        }
    }

    private string Terms(SearchToken token, bool positive)
    {
        var stems = new List<string>(token.Words.Count);
        for (var i = 0; i < token.Words.Count; i++)
        {
            var isPrefix = token.IsPrefix && i == token.Words.Count - 1;
            var stem = isPrefix ? PrefixStem(token.Words[i]) : stemmer.Stem(token.Words[i]);
            stems.Add(stem);
            if (positive)
            {
                _terms.Add(new SearchTerm(stem, isPrefix));
            }
        }
        // Stems are letters and digits only, so quoting them needs no escaping.
        return $"\"{string.Join(' ', stems)}\"{(token.IsPrefix ? "*" : "")}";
    }

    // The index holds stems, which may be shorter than the typed prefix («электромобили*» → «электромобил»):
    // the part the word and its stem share is a prefix of every stem the typed prefix should reach.
    private string PrefixStem(string word)
    {
        var normal = WordStemmer.Normalize(word);
        var stem = stemmer.Stem(word);
        var shared = 0;
        while (shared < normal.Length && shared < stem.Length && normal[shared] == stem[shared])
        {
            shared++;
        }
        return shared > 0 ? normal[..shared] : normal;
    }

    private bool Peek(SearchTokenKind kind) => _position < _tokens.Count && _tokens[_position].Kind == kind;

    private static List<SearchToken> Lex(string text)
    {
        var tokens = new List<SearchToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '(' || c == ')')
            {
                tokens.Add(new SearchToken(c == '(' ? SearchTokenKind.Open : SearchTokenKind.Close, c.ToString(), [], false));
                i++;
            }
            else if (c is '"' or '«' or '»' or '“' or '”' or '„')
            {
                var close = text.IndexOfAny(['"', '»', '“', '”'], i + 1);
                if (close < 0)
                {
                    throw Error("a quote is not closed");
                }
                var phrase = text[(i + 1)..close];
                i = close + 1;
                var prefix = false;
                while (i < text.Length && text[i] == '*')
                {
                    prefix = true;
                    i++;
                }
                AddWords(tokens, phrase, prefix);
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')' or '"' or '«' or '»' or '“' or '”' or '„'))
                {
                    i++;
                }
                var run = text[start..i];
                switch (run)
                {
                    case "AND":
                        tokens.Add(new SearchToken(SearchTokenKind.And, run, [], false));
                        break;
                    case "OR":
                        tokens.Add(new SearchToken(SearchTokenKind.Or, run, [], false));
                        break;
                    case "NOT":
                        tokens.Add(new SearchToken(SearchTokenKind.Not, run, [], false));
                        break;
                    default:
                        AddWords(tokens, run, run.EndsWith('*'));
                        break;
                }
            }
        }
        return tokens;
    }

    // A run such as «Lada-Vesta» holds several words: they are searched as a phrase, as FTS5 itself does.
    private static void AddWords(List<SearchToken> tokens, string text, bool prefix)
    {
        var words = WordStemmer.Tokenize(text).Select(t => text.Substring(t.Start, t.Length)).ToList();
        if (words.Count > 0)
        {
            tokens.Add(new SearchToken(SearchTokenKind.Words, text, words, prefix));
        }
    }

    private static string Describe(SearchToken token) => token.Kind switch
    {
        SearchTokenKind.Words => $"'{token.Text}'",
        _ => token.Text,
    };

    private static ArchiveException Error(string problem)
    {
        var message = new StringBuilder("invalid search query: ").Append(problem)
            .Append(" (use words, \"a phrase\", prefix*, AND, OR, NOT and parentheses)").ToString();
        return new ArchiveException(message, isUserError: true);
    }
}
