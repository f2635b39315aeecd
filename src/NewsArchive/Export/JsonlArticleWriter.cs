using System.Text.Encodings.Web;
using System.Text.Json;
using NewsArchive.Storage;

namespace NewsArchive.Export;

/// <summary>JSON Lines: one article per line with every stored field and its related-news links, streamed.</summary>
public static class JsonlArticleWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Relaxed: Cyrillic and the "+" of time offsets stay readable; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Write(TextWriter output, IEnumerable<StoredArticle> articles, Func<StoredArticle, IReadOnlyList<StoredLink>> related)
    {
        var rows = 0;
        using var buffer = new MemoryStream();
        foreach (var article in articles)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer, Options))
            {
                json.WriteStartObject();
                json.WriteNumber("id", article.Id);
                json.WriteString("url", article.Url);
                json.WriteString("site", article.Site);
                json.WriteString("title", article.Title);
                json.WriteString("lead", article.Lead);
                json.WriteString("published", StoredTime.Format(article.Published));
                json.WriteString("published_source", article.PublishedSource);
                json.WriteString("modified", StoredTime.Format(article.Modified));
                json.WriteStartArray("authors");
                foreach (var author in article.Authors)
                {
                    json.WriteStringValue(author);
                }
                json.WriteEndArray();
                WriteNumber(json, "views", article.Views);
                WriteNumber(json, "comments", article.Comments);
                json.WriteString("first_stored", StoredTime.Format(article.FirstStored));
                json.WriteString("last_fetched", StoredTime.Format(article.LastFetched));
                json.WriteString("body", article.Body);
                json.WriteStartArray("related");
                foreach (var link in related(article))
                {
                    json.WriteStartObject();
                    json.WriteString("url", link.Url);
                    json.WriteString("title", link.Title);
                    json.WriteString("published", StoredTime.Format(link.Published));
                    if (link.ArticleId is { } id)
                    {
                        json.WriteNumber("id", id);
                    }
                    else
                    {
                        json.WriteNull("id");
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            rows++;
        }
        output.Flush();
        return rows;
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
