using System.IO.Compression;
using System.Text;
using NewsArchive.Storage;

namespace NewsArchive.Tests.Storage;

public sealed class SourceCompressionTests
{
    private static readonly byte[] Html = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i => $"<p class=\"news\">Новость {i} о рынке</p>\n")));

    [Fact]
    public void Compress_Page_IsTaggedFastAndReadsBack()
    {
        var blob = SourceCompression.Compress(Html);

        Assert.Equal(SourceCompression.FastTag, blob[0]);
        Assert.Equal(Html, SourceCompression.Decompress(blob));
    }

    [Fact]
    public void CompressCompact_Page_IsTaggedCompactSmallerAndReadsBack()
    {
        var blob = SourceCompression.CompressCompact(Html);

        Assert.Equal(SourceCompression.CompactTag, blob[0]);
        Assert.True(blob.Length <= SourceCompression.Compress(Html).Length);
        Assert.Equal(Html, SourceCompression.Decompress(blob));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("<html>same</html>")]
    [InlineData(null)]
    public void Decompress_UntaggedBlobOfEarlierVersions_ReadsBack(string? text)
    {
        var bytes = text is null ? Html : Encoding.UTF8.GetBytes(text);
        // How every source was written before the format tag: a bare Brotli stream, CompressionLevel.Optimal.
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            brotli.Write(bytes);
        }
        var legacy = output.ToArray();

        Assert.Equal(1, legacy[0] & 1);
        Assert.Equal(bytes, SourceCompression.Decompress(legacy));
    }
}
