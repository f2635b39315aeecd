using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace NewsArchive.Storage;

/// <summary>
/// A 64-bit hash of a body's words, lower-cased with «ё» as «е», in order: the same text under another URL (a repost,
/// a copy on another site) gets the same hash whatever its whitespace, punctuation or case. Exact, unlike
/// <see cref="SimHash"/>, and indexed, so that an exact duplicate is found without a scan.
/// </summary>
public static class BodyHash
{
    public static long? Compute(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        // Texts as short as a teaser or a caption are the same by chance, not because one was copied.
        var words = WordStemmer.Tokenize(text).ToList();
        if (words.Count < SimHash.MinimumWords)
        {
            return null;
        }
        var folded = string.Create(text.Length, text, static (span, source) => WordStemmer.Fold(source, span));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        ReadOnlySpan<char> separator = [' '];
        foreach (var word in words)
        {
            hash.AppendData(MemoryMarshal.AsBytes(folded.AsSpan(word.Start, word.Length)));
            hash.AppendData(MemoryMarshal.AsBytes(separator));
        }
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return BitConverter.ToInt64(digest[..8]);
    }
}
