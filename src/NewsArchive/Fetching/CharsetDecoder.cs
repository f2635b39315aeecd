using System.Text;
using System.Text.Unicode;

namespace NewsArchive.Fetching;

/// <summary>
/// Finds a page's character encoding and decodes it: BOM, then the Content-Type charset,
/// then a &lt;meta&gt; declaration, then an XML prolog, then UTF-8. Pure functions, no I/O.
/// </summary>
public static class CharsetDecoder
{
    // Declarations after this point are not looked for, as browsers do.
    private const int SniffLength = 4096;

    static CharsetDecoder()
    {
        // windows-1251 and KOI8-R live in the code-pages provider; registering it again is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf16LeBom => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BeBom => [0xFE, 0xFF];

    /// <summary>Decodes <paramref name="bytes"/> with the detected encoding, dropping any BOM.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? contentTypeHeader)
    {
        var encoding = Detect(bytes, contentTypeHeader, out var bomLength);
        return encoding.GetString(bytes[bomLength..]);
    }

    /// <summary>The encoding <see cref="Decode"/> would use.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> bytes, string? contentTypeHeader) =>
        Detect(bytes, contentTypeHeader, out _);

    private static Encoding Detect(ReadOnlySpan<byte> bytes, string? contentTypeHeader, out int bomLength)
    {
        bomLength = 0;
        if (bytes.StartsWith(Utf8Bom))
        {
            bomLength = Utf8Bom.Length;
            return Encoding.UTF8;
        }

        if (bytes.StartsWith(Utf16LeBom))
        {
            bomLength = Utf16LeBom.Length;
            return Encoding.Unicode;
        }

        if (bytes.StartsWith(Utf16BeBom))
        {
            bomLength = Utf16BeBom.Length;
            return Encoding.BigEndianUnicode;
        }

        var declared = Declared(bytes, contentTypeHeader);

        // A page declaring windows-1251 (or another single-byte charset) that sends valid UTF-8 was re-encoded
        // without fixing the declaration; Cyrillic in a single-byte charset is practically never valid UTF-8.
        return declared is null || (declared.IsSingleByte && !Ascii.IsValid(bytes) && Utf8.IsValid(bytes))
            ? Encoding.UTF8
            : declared;
    }

    private static Encoding? Declared(ReadOnlySpan<byte> bytes, string? contentTypeHeader)
    {
        if (contentTypeHeader is not null
            && FromLabel(ExtractCharsetParameter(contentTypeHeader), declaredInDocument: false) is { } fromHeader)
        {
            return fromHeader;
        }

        // Latin-1 maps each byte to one char, so an ASCII scan over it is exact.
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, SniffLength)]).ToLowerInvariant();
        return FromLabel(FindMetaCharset(head), declaredInDocument: true)
            ?? FromLabel(FindXmlEncoding(head), declaredInDocument: true);
    }

    private static Encoding? FromLabel(string? label, bool declaredInDocument)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = Canonical(label.Trim().Trim('"', '\'', '/', ';').Trim().ToLowerInvariant());

        // A declaration readable as ASCII cannot be in UTF-16; browsers read such pages as UTF-8.
        if (declaredInDocument && name.StartsWith("utf-16", StringComparison.Ordinal))
        {
            name = "utf-8";
        }

        try
        {
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage == Encoding.UTF8.CodePage ? Encoding.UTF8 : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    // Labels seen on Russian sites that .NET does not know, and the WHATWG rule that Latin-1 means windows-1252.
    private static string Canonical(string label) => label switch
    {
        "utf8" => "utf-8",
        "cp1251" or "win-1251" or "win1251" or "windows1251" or "x-cp1251" => "windows-1251",
        "koi8r" or "koi8" or "koi" => "koi8-r",
        "koi8u" => "koi8-u",
        "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" => "windows-1252",
        _ => label,
    };

    internal static string? ExtractCharsetParameter(string value)
    {
        var index = 0;
        while ((index = value.IndexOf("charset", index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var position = SkipWhitespace(value, index + "charset".Length);
            index = position;
            if (position >= value.Length || value[position] != '=')
            {
                continue;
            }

            position = SkipWhitespace(value, position + 1);
            var charset = ReadValue(value, position, stopAtSemicolon: true, out _);
            if (charset.Length > 0)
            {
                return charset;
            }
        }

        return null;
    }

    // A simplified form of the HTML prescan: walk tags in order, skip comments, read <meta> attributes.
    private static string? FindMetaCharset(string head)
    {
        var index = 0;
        while ((index = head.IndexOf('<', index)) >= 0)
        {
            if (string.CompareOrdinal(head, index, "<!--", 0, 4) == 0)
            {
                var end = head.IndexOf("-->", index + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                index = end + 3;
                continue;
            }

            var afterName = index + "<meta".Length;
            if (string.CompareOrdinal(head, index, "<meta", 0, 5) == 0
                && afterName < head.Length
                && (char.IsWhiteSpace(head[afterName]) || head[afterName] == '/'))
            {
                var charset = ReadMetaCharset(head, afterName, out index);
                if (charset is not null)
                {
                    return charset;
                }

                continue;
            }

            index++;
        }

        return null;
    }

    private static string? ReadMetaCharset(string head, int position, out int end)
    {
        string? charset = null;
        string? content = null;
        var isContentType = false;

        while (true)
        {
            while (position < head.Length && (char.IsWhiteSpace(head[position]) || head[position] == '/'))
            {
                position++;
            }

            if (position >= head.Length || head[position] == '>')
            {
                break;
            }

            var nameStart = position;
            while (position < head.Length && !char.IsWhiteSpace(head[position]) && head[position] is not ('=' or '>' or '/'))
            {
                position++;
            }

            var name = head[nameStart..position];
            position = SkipWhitespace(head, position);
            var value = string.Empty;
            if (position < head.Length && head[position] == '=')
            {
                position = SkipWhitespace(head, position + 1);
                value = ReadValue(head, position, stopAtSemicolon: false, out position);
            }

            switch (name)
            {
                case "charset":
                    charset ??= value;
                    break;
                case "content":
                    content ??= value;
                    break;
                case "http-equiv":
                    isContentType = value.Trim() == "content-type";
                    break;
            }
        }

        end = position;
        if (!string.IsNullOrWhiteSpace(charset))
        {
            return charset;
        }

        return isContentType && content is not null ? ExtractCharsetParameter(content) : null;
    }

    private static string? FindXmlEncoding(string head)
    {
        var start = SkipWhitespace(head, 0);
        if (string.CompareOrdinal(head, start, "<?xml", 0, 5) != 0)
        {
            return null;
        }

        var end = head.IndexOf("?>", start, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var declaration = head[start..end];
        var index = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var position = SkipWhitespace(declaration, index + "encoding".Length);
        if (position >= declaration.Length || declaration[position] != '=')
        {
            return null;
        }

        position = SkipWhitespace(declaration, position + 1);
        var encoding = ReadValue(declaration, position, stopAtSemicolon: false, out _);
        return encoding.Length > 0 ? encoding : null;
    }

    // Reads a quoted value, or an unquoted one up to whitespace, '>' (and ';' inside a header).
    private static string ReadValue(string text, int position, bool stopAtSemicolon, out int end)
    {
        if (position < text.Length && text[position] is '"' or '\'')
        {
            var quote = text[position];
            var close = text.IndexOf(quote, position + 1);
            if (close < 0)
            {
                close = text.Length;
            }

            end = Math.Min(close + 1, text.Length);
            return text[(position + 1)..close].Trim();
        }

        var start = position;
        while (position < text.Length
               && !char.IsWhiteSpace(text[position])
               && text[position] != '>'
               && !(stopAtSemicolon && text[position] is ';' or ','))
        {
            position++;
        }

        end = position;
        return text[start..position];
    }

    private static int SkipWhitespace(string text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }
}
