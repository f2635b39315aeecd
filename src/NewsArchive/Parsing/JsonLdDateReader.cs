using System.Text.Json;

namespace NewsArchive.Parsing;

/// <summary>
/// datePublished and dateModified from JSON-LD blocks: walks @graph, arrays and nested objects,
/// prefers the article describing this page over web-page objects, list items and media.
/// </summary>
internal static class JsonLdDateReader
{
    private const int MaxDepth = 24;
    private const int MaxNodes = 20_000;

    private const int RankThisPage = 0;
    private const int RankArticle = 1;
    private const int RankWebPage = 2;
    private const int RankOther = 3;
    private const int RankUnparsed = 4;
    private const int RankListPenalty = 5;

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static DatePair Read(IReadOnlyList<string> blocks, Uri pageUri, DateTimeOffset now, TimeZoneInfo zone)
    {
        var published = new RankedDate();
        var modified = new RankedDate();
        var order = 0;
        foreach (var block in blocks)
        {
            if (TryParse(block, out var document))
            {
                using (document)
                {
                    var budget = MaxNodes;
                    Walk(document.RootElement, 0, inList: false, pageUri, now, zone, ref published, ref modified, ref order, ref budget);
                }
            }
            else
            {
                // Broken JSON still names its dates; read them without the structure.
                published.Offer(RankUnparsed, order++, Parse(ScanStringValue(block, "datePublished"), now, zone));
                modified.Offer(RankUnparsed, order++, Parse(ScanStringValue(block, "dateModified"), now, zone));
            }
        }

        return new DatePair(published.Value, modified.Value);
    }

    private static bool TryParse(string block, out JsonDocument document)
    {
        var text = block.Trim();
        if (TryParseOnce(text, out document))
        {
            return true;
        }

        // Common breakage: HTML comment or CDATA wrappers, raw newlines inside strings.
        text = text.Replace("<![CDATA[", "", StringComparison.Ordinal).Replace("]]>", "", StringComparison.Ordinal)
            .Replace("<!--", "", StringComparison.Ordinal).Replace("-->", "", StringComparison.Ordinal);
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] < ' ')
            {
                chars[i] = ' ';
            }
        }

        var cleaned = new string(chars).Trim();
        if (cleaned.StartsWith("//", StringComparison.Ordinal))
        {
            cleaned = cleaned.TrimStart('/');
        }

        if (cleaned.EndsWith("//", StringComparison.Ordinal))
        {
            cleaned = cleaned.TrimEnd('/');
        }

        return TryParseOnce(cleaned.Trim().TrimEnd(';'), out document);
    }

    private static bool TryParseOnce(string text, out JsonDocument document)
    {
        try
        {
            document = JsonDocument.Parse(text, Options);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // ArgumentException: text with a lone surrogate cannot be transcoded to UTF-8 for the reader.
            document = null!;
            return false;
        }
    }

    private static void Walk(
        JsonElement element,
        int depth,
        bool inList,
        Uri pageUri,
        DateTimeOffset now,
        TimeZoneInfo zone,
        ref RankedDate published,
        ref RankedDate modified,
        ref int order,
        ref int budget)
    {
        if (depth > MaxDepth || --budget < 0)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, depth + 1, inList, pageUri, now, zone, ref published, ref modified, ref order, ref budget);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var rank = Rank(element, pageUri);
        if (rank >= 0)
        {
            rank += inList ? RankListPenalty : 0;
            var datePublished = StringProperty(element, "datePublished") ?? StringProperty(element, "dateCreated");
            published.Offer(rank, order++, Parse(datePublished, now, zone));
            modified.Offer(rank, order++, Parse(StringProperty(element, "dateModified"), now, zone));
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                var listed = inList || property.NameEquals("itemListElement") || property.NameEquals("hasPart")
                    || property.NameEquals("relatedLink") || property.NameEquals("comment") || property.NameEquals("review");
                Walk(property.Value, depth + 1, listed, pageUri, now, zone, ref published, ref modified, ref order, ref budget);
            }
        }
    }

    /// <summary>How much an object's dates are trusted, lower is better; -1 for objects whose dates are not the page's.</summary>
    private static int Rank(JsonElement element, Uri pageUri)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return RankOther;
        }

        var best = -1;
        if (type.ValueKind == JsonValueKind.String)
        {
            best = TypeRank(type.GetString());
        }
        else if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in type.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    var itemRank = TypeRank(item.GetString());
                    if (itemRank >= 0 && (best < 0 || itemRank < best))
                    {
                        best = itemRank;
                    }
                }
            }
        }

        if (best == RankArticle && DescribesPage(element, pageUri))
        {
            return RankThisPage;
        }

        return best;
    }

    private static int TypeRank(string? type)
    {
        if (string.IsNullOrEmpty(type))
        {
            return RankOther;
        }

        // "http://schema.org/NewsArticle", "schema:NewsArticle"
        var name = type.AsSpan(type.LastIndexOfAny(['/', ':', '#']) + 1);
        if (name.EndsWith("Article", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Posting", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Report", StringComparison.OrdinalIgnoreCase))
        {
            return RankArticle;
        }

        if (name.EndsWith("Page", StringComparison.OrdinalIgnoreCase))
        {
            return RankWebPage;
        }

        // Media objects carry upload dates; comments and reviews are other people's.
        if (name.EndsWith("Object", StringComparison.OrdinalIgnoreCase) || name.Equals("Comment", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Review", StringComparison.OrdinalIgnoreCase) || name.Equals("Person", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Organization", StringComparison.OrdinalIgnoreCase) || name.Equals("Event", StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        return RankOther;
    }

    private static bool DescribesPage(JsonElement element, Uri pageUri)
    {
        return SamePage(StringProperty(element, "url"), pageUri)
            || SamePage(StringProperty(element, "@id"), pageUri)
            || (element.TryGetProperty("mainEntityOfPage", out var main)
                && (SamePage(main.ValueKind == JsonValueKind.String ? main.GetString() : StringProperty(main, "@id"), pageUri)));
    }

    private static bool SamePage(string? candidate, Uri pageUri)
    {
        if (string.IsNullOrEmpty(candidate) || !Uri.TryCreate(pageUri, candidate, out var uri) || !uri.IsAbsoluteUri || !pageUri.IsAbsoluteUri)
        {
            return false;
        }

        return string.Equals(StripWww(uri.Host), StripWww(pageUri.Host), StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.AbsolutePath.TrimEnd('/'), pageUri.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);
    }

    private static string StripWww(string host) =>
        host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    private static string? StringProperty(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
            _ => null,
        };
    }

    private static DateTimeOffset? Parse(string? value, DateTimeOffset now, TimeZoneInfo zone) =>
        value is null ? null : DateTextParser.Parse(value, now, zone);

    /// <summary>The string after "key": in text that is not valid JSON.</summary>
    private static string? ScanStringValue(string text, string key)
    {
        var quoted = "\"" + key + "\"";
        var at = text.IndexOf(quoted, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var i = at + quoted.Length;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length || text[i] != ':')
        {
            return null;
        }

        i++;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= text.Length || text[i] != '"')
        {
            return null;
        }

        var end = text.IndexOf('"', i + 1);
        return end < 0 || end - i > 100 ? null : text[(i + 1)..end];
    }
}
