using System.Buffers;
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
    public static long? Compute(string? text) => string.IsNullOrEmpty(text) ? null : Compute(FoldedText.Of(text));

    /// <summary>The body hash of a text already folded and split into words.</summary>
    internal static long? Compute(FoldedText text)
    {
        // Texts as short as a teaser or a caption are the same by chance, not because one was copied.
        var words = text.Words;
        if (words.Count < SimHash.MinimumWords)
        {
            return null;
        }
        // SHA-256 of every word followed by a space, as UTF-16: hashed in one call over one buffer.
        var length = words.Count;
        foreach (var word in words)
        {
            length += word.Length;
        }
        var buffer = ArrayPool<char>.Shared.Rent(length);
        try
        {
            var at = 0;
            foreach (var word in words)
            {
                text.Folded.AsSpan(word.Start, word.Length).CopyTo(buffer.AsSpan(at));
                at += word.Length;
                buffer[at++] = ' ';
            }
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(MemoryMarshal.AsBytes(buffer.AsSpan(0, at)), digest);
            return BitConverter.ToInt64(digest[..8]);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
