namespace NewsArchive.Storage;

/// <summary>
/// A 64-bit SimHash over shingles of four words: texts that share most of their wording (one press release
/// on several sites, a repost under another URL) get hashes a few bits apart.
/// </summary>
public static class SimHash
{
    /// <summary>
    /// Hashes at most this many bits apart are near-duplicates: about 90% of shingles shared, what a repost with
    /// its own title and last sentence keeps; unrelated texts differ in about 32 bits.
    /// </summary>
    public const int NearDistance = 8;
    private const int ShingleWords = 4;
    // Shorter texts share too few shingles for the hash to mean anything.
    internal const int MinimumWords = 30;

    public static long? Compute(string? text) => string.IsNullOrEmpty(text) ? null : Compute(FoldedText.Of(text));

    /// <summary>The SimHash of a text already folded and split into words: shingles over word boundaries, no string per word.</summary>
    internal static long? Compute(FoldedText text)
    {
        var folded = text.Folded;
        var words = text.Words;
        if (words.Count < MinimumWords)
        {
            return null;
        }
        // How many shingles set each bit; a bit of the result is set where more than half did. Counting without a branch:
        // the bits are random, so a branch on each would be mispredicted half the time.
        Span<int> ones = stackalloc int[64];
        var shingles = 0;
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            var hash = 14695981039346656037UL;
            for (var w = i; w < i + ShingleWords; w++)
            {
                foreach (var c in folded.AsSpan(words[w].Start, words[w].Length))
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }
                hash = (hash ^ ' ') * 1099511628211UL;
            }
            // FNV-1a mixes the low bits poorly; a final avalanche spreads every input bit over all 64.
            hash ^= hash >> 33;
            hash *= 0xff51afd7ed558ccdUL;
            hash ^= hash >> 33;
            hash *= 0xc4ceb9fe1a85ec53UL;
            hash ^= hash >> 33;
            for (var bit = 0; bit < 64; bit++)
            {
                ones[bit] += (int)((hash >> bit) & 1);
            }
            shingles++;
        }
        var result = 0UL;
        for (var bit = 0; bit < 64; bit++)
        {
            if (2 * ones[bit] > shingles)
            {
                result |= 1UL << bit;
            }
        }
        return unchecked((long)result);
    }

    public static int Distance(long a, long b) => System.Numerics.BitOperations.PopCount(unchecked((ulong)(a ^ b)));
}
