using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace NewsArchive.Crawling;

/// <summary>
/// Reads sitemaps (sitemaps.org urlset and sitemap index, Google News <c>news:publication_date</c>), gzipped or not:
/// gzip is recognised by its magic bytes, whatever the URL or Content-Type says. Streams the XML, never expands DTDs,
/// and keeps what was read before any malformed part.
/// </summary>
public static class SitemapReader
{
    /// <summary>The sitemaps.org limit is 50 MB uncompressed; more is refused rather than inflated.</summary>
    public const long MaxUncompressedBytes = 50L * 1024 * 1024;

    private const int MaxEntries = 50_000;

    public static SitemapDocument Read(byte[] body, Uri sitemapUrl)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(sitemapUrl);
        var xml = body;
        if (body.Length >= 2 && body[0] == 0x1F && body[1] == 0x8B)
        {
            xml = Gunzip(body);
            if (xml is null)
            {
                return SitemapDocument.Empty($"gzipped sitemap is broken or larger than {MaxUncompressedBytes / (1024 * 1024)} MB uncompressed");
            }
        }

        var urls = new List<SitemapEntry>();
        var sitemaps = new List<SitemapEntry>();
        string? problem = null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            reader.MoveToContent();
            if (reader.LocalName is not ("urlset" or "sitemapindex"))
            {
                return SitemapDocument.Empty($"not a sitemap (root element <{reader.LocalName}>)");
            }
            reader.Read();
            while (!reader.EOF && urls.Count + sitemaps.Count < MaxEntries)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "url" or "sitemap")
                {
                    var isUrl = reader.LocalName == "url";
                    XElement element;
                    using (var subtree = reader.ReadSubtree())
                    {
                        element = XElement.Load(subtree);
                    }
                    if (ReadEntry(element, sitemapUrl) is { } entry)
                    {
                        (isUrl ? urls : sitemaps).Add(entry);
                    }
                    // Moving past the entry parses what follows it: a broken tail must not cost the entry.
                    reader.Read();
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException ex)
        {
            problem = $"malformed XML after {urls.Count + sitemaps.Count} entries (line {ex.LineNumber})";
        }
        return new SitemapDocument(urls, sitemaps, problem);
    }

    private static SitemapEntry? ReadEntry(XElement element, Uri sitemapUrl)
    {
        string? loc = null;
        string? lastmod = null;
        string? newsDate = null;
        string? newsTitle = null;
        foreach (var child in element.Descendants())
        {
            switch (child.Name.LocalName)
            {
                case "loc" when child.Parent == element:
                    loc ??= child.Value.Trim();
                    break;
                case "lastmod" when child.Parent == element:
                    lastmod ??= child.Value.Trim();
                    break;
                case "publication_date":
                    newsDate ??= child.Value.Trim();
                    break;
                case "title" when child.Parent?.Name.LocalName == "news":
                    newsTitle ??= child.Value.Trim();
                    break;
            }
        }
        if (string.IsNullOrEmpty(loc) || !Uri.TryCreate(sitemapUrl, loc, out var url) || url.Scheme is not ("http" or "https"))
        {
            return null;
        }
        return new SitemapEntry(url, ParseW3cDate(lastmod), ParseW3cDate(newsDate), string.IsNullOrEmpty(newsTitle) ? null : newsTitle);
    }

    /// <summary>W3C datetime (<c>2026-03-12</c>, <c>2026-03-12T09:15+03:00</c>); a missing offset is read as UTC.</summary>
    public static DateTimeOffset? ParseW3cDate(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value
            : null;

    private static byte[]? Gunzip(byte[] body)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81_920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxUncompressedBytes)
                {
                    return null;
                }
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
