using System.Collections.Concurrent;

namespace NewsArchive.Storage;

/// <summary>
/// Stemmers for threads that prepare articles at the same time (<see cref="WordStemmer"/> is not thread-safe): each
/// keeps its stem cache between articles, which a stemmer made per article would lose. As many as ever ran at once.
/// </summary>
internal sealed class WordStemmerPool
{
    private readonly ConcurrentBag<WordStemmer> _free = [];

    public WordStemmer Rent() => _free.TryTake(out var stemmer) ? stemmer : new WordStemmer();

    public void Return(WordStemmer stemmer) => _free.Add(stemmer);
}
