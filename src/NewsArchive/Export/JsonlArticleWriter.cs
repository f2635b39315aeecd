using System.Text.Json;
using NewsArchive.Storage;

namespace NewsArchive.Export;

/// <summary>JSON Lines: one article per line with every stored field and its related-news links, streamed.</summary>
public static class JsonlArticleWriter
{
    public static int Write(TextWriter output, IEnumerable<StoredArticle> articles, Func<StoredArticle, IReadOnlyList<StoredLink>> related)
    {
        var rows = 0;
        using var buffer = new MemoryStream();
        foreach (var article in articles)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer, ArticleJson.Options))
            {
                json.WriteStartObject();
                ArticleJson.WriteCore(json, article);
                json.WriteString("lead", article.Lead);
                json.WriteString("published_source", article.PublishedSource);
                json.WriteString("first_stored", StoredTime.Format(article.FirstStored));
                json.WriteString("last_fetched", StoredTime.Format(article.LastFetched));
                json.WriteString("body", article.Body);
                json.WriteString("body_html", article.BodyHtml);
                json.WriteStartArray("related");
                foreach (var link in related(article))
                {
                    json.WriteStartObject();
                    json.WriteString("url", link.Url);
                    ArticleJson.WriteLinkTarget(json, link);
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
}
