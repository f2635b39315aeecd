using System.Text;
using NewsArchive.Fetching;

namespace NewsArchive.Tests.Fetching;

public sealed class CharsetDecoderTests
{
    private const string Russian = "Продажи новых легковых автомобилей выросли";

    private static readonly Encoding Windows1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)!;
    private static readonly Encoding Koi8R = CodePagesEncodingProvider.Instance.GetEncoding(20866)!;

    [Fact]
    public void Decode_Windows1251DeclaredOnlyInMeta_DecodesCyrillic()
    {
        var bytes = Windows1251.GetBytes($"<html><head><meta charset=\"windows-1251\"><title>{Russian}</title></head></html>");

        var text = CharsetDecoder.Decode(bytes, "text/html");

        Assert.Contains(Russian, text);
    }

    [Fact]
    public void Decode_Windows1251InHttpEquivMeta_DecodesCyrillic()
    {
        var html = $"<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\"></HEAD><BODY>{Russian}</BODY></HTML>";

        var text = CharsetDecoder.Decode(Windows1251.GetBytes(html), null);

        Assert.Contains(Russian, text);
    }

    [Fact]
    public void Decode_Koi8rInHeader_DecodesCyrillic()
    {
        var bytes = Koi8R.GetBytes($"<p>{Russian}</p>");

        var text = CharsetDecoder.Decode(bytes, "text/html; charset=KOI8-R");

        Assert.Equal($"<p>{Russian}</p>", text);
    }

    [Fact]
    public void Decode_Utf8Bom_DropsBomAndDecodesUtf8()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Russian)).ToArray();

        var text = CharsetDecoder.Decode(bytes, null);

        Assert.Equal(Russian, text);
    }

    [Fact]
    public void Decode_Utf16LittleEndianBom_DecodesUtf16()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Russian)).ToArray();

        Assert.Equal(Russian, CharsetDecoder.Decode(bytes, "text/html; charset=windows-1251"));
    }

    [Fact]
    public void Decode_Utf16BigEndianBom_DecodesUtf16()
    {
        var bytes = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(Russian)).ToArray();

        Assert.Equal(Russian, CharsetDecoder.Decode(bytes, null));
    }

    [Fact]
    public void Detect_BomAndDifferentHeader_BomWins()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Russian)).ToArray();

        Assert.Equal(Encoding.UTF8.CodePage, CharsetDecoder.Detect(bytes, "text/html; charset=windows-1251").CodePage);
    }

    [Fact]
    public void Detect_HeaderAndDifferentMeta_HeaderWins()
    {
        var bytes = Encoding.ASCII.GetBytes("<meta charset=\"utf-8\">");

        Assert.Equal(1251, CharsetDecoder.Detect(bytes, "text/html;charset=\"windows-1251\"").CodePage);
    }

    [Fact]
    public void Detect_XmlPrologEncoding_UsesIt()
    {
        var bytes = Windows1251.GetBytes($"<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><title>{Russian}</title></channel></rss>");

        Assert.Equal(1251, CharsetDecoder.Detect(bytes, "application/rss+xml").CodePage);
        Assert.Contains(Russian, CharsetDecoder.Decode(bytes, "application/rss+xml"));
    }

    [Fact]
    public void Detect_NoDeclaration_Utf8()
    {
        Assert.Equal(Encoding.UTF8.CodePage, CharsetDecoder.Detect(Encoding.UTF8.GetBytes($"<p>{Russian}</p>"), "text/html").CodePage);
    }

    [Fact]
    public void Detect_UnknownCharsetEverywhere_FallsBackToUtf8()
    {
        var bytes = Encoding.ASCII.GetBytes("<meta charset=\"x-no-such-charset\">");

        Assert.Equal(Encoding.UTF8.CodePage, CharsetDecoder.Detect(bytes, "text/html; charset=bogus-42").CodePage);
    }

    [Fact]
    public void Detect_UnknownHeaderCharset_UsesMetaInstead()
    {
        var bytes = Encoding.ASCII.GetBytes("<meta charset=\"windows-1251\">");

        Assert.Equal(1251, CharsetDecoder.Detect(bytes, "text/html; charset=bogus-42").CodePage);
    }

    [Theory]
    [InlineData("cp1251", 1251)]
    [InlineData("Windows-1251", 1251)]
    [InlineData("koi8-r", 20866)]
    [InlineData("utf8", 65001)]
    [InlineData("iso-8859-1", 1252)]
    public void Detect_CommonLabels_MapToEncoding(string label, int codePage)
    {
        Assert.Equal(codePage, CharsetDecoder.Detect([], $"text/html; charset={label}").CodePage);
    }

    [Fact]
    public void Detect_MetaInsideComment_Ignored()
    {
        var bytes = Encoding.ASCII.GetBytes("<!-- <meta charset=\"windows-1251\"> --><meta charset=\"koi8-r\">");

        Assert.Equal(20866, CharsetDecoder.Detect(bytes, null).CodePage);
    }

    [Fact]
    public void Detect_MetaBeyondFirstFourKilobytes_Ignored()
    {
        var bytes = Encoding.ASCII.GetBytes(new string(' ', 5000) + "<meta charset=\"windows-1251\">");

        Assert.Equal(Encoding.UTF8.CodePage, CharsetDecoder.Detect(bytes, null).CodePage);
    }

    [Fact]
    public void Detect_MetaClaimsUtf16WithoutBom_TreatedAsUtf8()
    {
        var bytes = Encoding.ASCII.GetBytes("<meta charset=\"utf-16\">");

        Assert.Equal(Encoding.UTF8.CodePage, CharsetDecoder.Detect(bytes, null).CodePage);
    }

    [Fact]
    public void Detect_UnquotedMetaCharset_Read()
    {
        var bytes = Encoding.ASCII.GetBytes("<meta name=viewport content=width=device-width><meta charset=windows-1251>");

        Assert.Equal(1251, CharsetDecoder.Detect(bytes, null).CodePage);
    }

    [Fact]
    public void Detect_ContentWithoutHttpEquiv_Ignored()
    {
        var bytes = Encoding.ASCII.GetBytes("<meta name=\"description\" content=\"text/html; charset=windows-1251\">");

        Assert.Equal(Encoding.UTF8.CodePage, CharsetDecoder.Detect(bytes, null).CodePage);
    }

    [Theory]
    [InlineData("text/html; charset=windows-1251", "")]
    [InlineData("text/html", "<meta charset=\"windows-1251\">")]
    [InlineData("text/html; charset=koi8-r", "")]
    public void Decode_ValidUtf8LabelledSingleByte_ReadAsUtf8(string contentType, string meta)
    {
        var bytes = Encoding.UTF8.GetBytes($"<html><head>{meta}</head><body><p>{Russian}</p></body></html>");

        Assert.Contains(Russian, CharsetDecoder.Decode(bytes, contentType));
    }

    [Fact]
    public void Decode_Windows1251LabelledUtf8_TrustsTheLabelWithReplacementCharacters()
    {
        // Which single-byte charset it really is cannot be known: the label is kept, the damage is visible.
        var bytes = Windows1251.GetBytes($"<p>{Russian}</p>");

        var text = CharsetDecoder.Decode(bytes, "text/html; charset=utf-8");

        Assert.Contains('\uFFFD', text);
        Assert.StartsWith("<p>", text);
    }
}
