using System.Globalization;
using System.Text.Json;
using NewsArchive.Export;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

/// <summary>Renders articles and links as tables for people or JSON Lines for programs.</summary>
public static class OutputFormatter
{
    private static readonly JsonWriterOptions JsonOptions = ArticleJson.Options;

    public static void WriteArticleJson(TextWriter output, StoredArticle article, IReadOnlyList<StoredLink>? related = null, Action<Utf8JsonWriter>? extra = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            ArticleJson.WriteCore(json, article);
            if (article.Lead is not null && article.Body is not null)
            {
                json.WriteString("lead", article.Lead);
            }
            if (article.Body is not null)
            {
                json.WriteString("body", article.Body);
                json.WriteString("body_html", article.BodyHtml);
            }
            if (article.Snippet is not null)
            {
                json.WriteString("snippet", article.Snippet);
            }
            if (article.Inlinks is { } inlinks)
            {
                json.WriteNumber("inlinks", inlinks);
            }
            if (related is not null)
            {
                json.WriteStartArray("related");
                foreach (var link in related)
                {
                    WriteLinkObject(json, link);
                }
                json.WriteEndArray();
            }
            extra?.Invoke(json);
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static void WriteLinkJson(TextWriter output, StoredLink link, int? depth = null, long? fromId = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            WriteLinkObject(json, link, depth, fromId);
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static void WriteJsonLine(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(json);
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteLinkObject(Utf8JsonWriter json, StoredLink link, int? depth = null, long? fromId = null)
    {
        json.WriteStartObject();
        if (depth is { } d && fromId is { } from)
        {
            json.WriteNumber("depth", d);
            json.WriteNumber("from_id", from);
        }
        json.WriteString("url", link.Url);
        json.WriteString("kind", link.Kind);
        json.WriteString("direction", link.Direction == LinkDirection.In ? "in" : "out");
        ArticleJson.WriteLinkTarget(json, link);
        json.WriteEndObject();
    }

    public static void WriteNullableNumber(Utf8JsonWriter json, string name, int? value) => ArticleJson.WriteNumber(json, name, value);

    /// <summary>On a terminal: aligned columns cut to width. Redirected: tab-separated full values.</summary>
    public static void WriteTable(TextWriter output, IReadOnlyList<string> headers, IEnumerable<string[]> rows, bool terminal)
    {
        if (!terminal)
        {
            output.WriteLine(string.Join('\t', headers));
            foreach (var row in rows)
            {
                output.WriteLine(string.Join('\t', row.Select(c => c.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' '))));
            }
            return;
        }
        var materialised = rows.ToList();
        var width = Math.Max(60, SafeWindowWidth());
        var widths = headers.Select((h, i) => Math.Max(h.Length, materialised.Count == 0 ? 0 : materialised.Max(r => r[i].Length))).ToArray();
        var fixedWidth = widths.Take(widths.Length - 1).Sum() + 2 * (widths.Length - 1);
        widths[^1] = Math.Max(10, Math.Min(widths[^1], width - fixedWidth - 1));
        output.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in materialised)
        {
            output.WriteLine(string.Join("  ", row.Select((c, i) => Cut(c, widths[i]).PadRight(widths[i]))).TrimEnd());
        }
    }

    public static string Date(DateTimeOffset? value) =>
        value is { } v ? v.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..Math.Max(0, width - 1)] + "…";

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 120;
        }
    }
}
