using System.Collections.Concurrent;

namespace NewsArchive.Storage;

/// <summary>
/// Stemmers for threads that prepare articles at the same time (<see cref="WordStemmer"/> is not thread-safe): each
/// keeps its stem cache between articles, which a stemmer made per article would lose. At most one kept per core (a
/// full cache is some 15 MB, and `fetch --concurrency 64` would otherwise keep 64); more at once are made and dropped.
/// </summary>
internal sealed class WordStemmerPool
{
    private readonly ConcurrentBag<WordStemmer> _free = [];
    private readonly int _keep = Environment.ProcessorCount;
    private int _kept;

    public WordStemmer Rent()
    {
        if (_free.TryTake(out var stemmer))
        {
            Interlocked.Decrement(ref _kept);
            return stemmer;
        }
        return new WordStemmer();
    }

    public void Return(WordStemmer stemmer)
    {
        if (Interlocked.Increment(ref _kept) <= _keep)
        {
            _free.Add(stemmer);
        }
        else
        {
            Interlocked.Decrement(ref _kept);
        }
    }
}
