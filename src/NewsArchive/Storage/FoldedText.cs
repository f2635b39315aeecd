namespace NewsArchive.Storage;

/// <summary>
/// A text lower-cased with «ё» as «е» (<see cref="WordStemmer.Fold"/>) and split into words (<see cref="WordStemmer.Tokenize"/>)
/// once: the stems of the full-text index, the SimHash and the body hash of an article are all computed from it.
/// </summary>
internal sealed class FoldedText
{
    private FoldedText(string folded, List<WordToken> words)
    {
        Folded = folded;
        Words = words;
    }

    /// <summary>The text folded, as long as the original: the words' positions are the same in both.</summary>
    public string Folded { get; }

    public List<WordToken> Words { get; }

    public static FoldedText Of(string text) =>
        new(string.Create(text.Length, text, static (span, source) => WordStemmer.Fold(source, span)), WordStemmer.Tokenize(text));
}
