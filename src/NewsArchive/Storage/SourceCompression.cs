using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;

namespace NewsArchive.Storage;

/// <summary>
/// Source bytes are kept once per distinct content (SHA-256) and Brotli-compressed. A blob starts with a format tag:
/// <see cref="FastTag"/> for the quick first write (Brotli quality 1: a fetch is not held up by compression), and
/// <see cref="CompactTag"/> once <see cref="ArchiveStore.CompactSources"/> has recompressed it at the best setting
/// (quality 11, 16 MB window: about a fifth smaller, but ~100 times slower). Blobs written before the tags are bare
/// Brotli streams of quality 4 and a 4 MB window, whose first byte is always odd (a window over 64 KB sets the
/// stream's first bit), so the even tags cannot be mistaken for one.
/// </summary>
public static class SourceCompression
{
    public const byte FastTag = 0x02;
    public const byte CompactTag = 0x04;

    private const int FastQuality = 1;
    private const int CompactQuality = 11;
    private const int DefaultWindow = 22;
    private const int CompactWindow = 24;

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The first write: fast, tagged <see cref="FastTag"/>.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> bytes) => Compress(bytes, FastTag, FastQuality, DefaultWindow);

    /// <summary>The best Brotli can do, tagged <see cref="CompactTag"/>; for recompressing stored sources later.</summary>
    public static byte[] CompressCompact(ReadOnlySpan<byte> bytes) => Compress(bytes, CompactTag, CompactQuality, CompactWindow);

    public static byte[] Decompress(byte[] compressed)
    {
        var tagged = compressed.Length > 0 && compressed[0] is FastTag or CompactTag;
        using var input = new MemoryStream(compressed, tagged ? 1 : 0, compressed.Length - (tagged ? 1 : 0));
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(compressed.Length * 4);
        brotli.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Compress(ReadOnlySpan<byte> bytes, byte tag, int quality, int window)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(bytes.Length) + 1);
        try
        {
            buffer[0] = tag;
            if (!BrotliEncoder.TryCompress(bytes, buffer.AsSpan(1), out var written, quality, window))
            {
                throw new InvalidOperationException("Brotli could not compress into its own worst-case size");
            }
            return buffer.AsSpan(0, written + 1).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
