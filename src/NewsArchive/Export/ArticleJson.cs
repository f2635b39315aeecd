using System.Text.Encodings.Web;
using System.Text.Json;
using NewsArchive.Storage;

namespace NewsArchive.Export;

/// <summary>The JSON fields every article object shares, whichever command or export writes it.</summary>
public static class ArticleJson
{
    public static readonly JsonWriterOptions Options = new()
    {
        // Relaxed: Cyrillic and the "+" of time offsets stay readable; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>id, url, site, title, published, modified, authors, views, comments.</summary>
    public static void WriteCore(Utf8JsonWriter json, StoredArticle article)
    {
        json.WriteNumber("id", article.Id);
        json.WriteString("url", article.Url);
        json.WriteString("site", article.Site);
        json.WriteString("title", article.Title);
        json.WriteString("published", StoredTime.Format(article.Published));
        json.WriteString("modified", StoredTime.Format(article.Modified));
        json.WriteStartArray("authors");
        foreach (var author in article.Authors)
        {
            json.WriteStringValue(author);
        }
        json.WriteEndArray();
        WriteNumber(json, "views", article.Views);
        WriteNumber(json, "comments", article.Comments);
    }

    /// <summary>title, published and id (null unless archived) of a link's other end.</summary>
    public static void WriteLinkTarget(Utf8JsonWriter json, StoredLink link)
    {
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
    }

    public static void WriteNumber(Utf8JsonWriter json, string name, int? value)
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
