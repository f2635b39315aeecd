using System.Globalization;
using CsvHelper;
using NewsArchive.Storage;

namespace NewsArchive.Export;

/// <summary>RFC 4180 CSV of articles (CsvHelper does the quoting), streamed row by row.</summary>
public static class CsvArticleWriter
{
    public static readonly IReadOnlyList<string> DefaultColumns =
        ["id", "url", "site", "title", "published", "modified", "authors", "views", "comments", "body"];

    public static readonly IReadOnlyList<string> ListColumns =
        ["id", "url", "site", "title", "published", "modified", "authors", "views", "comments"];

    public static int Write(TextWriter output, IEnumerable<StoredArticle> articles, IReadOnlyList<string> columns)
    {
        using var csv = CsvWriter.Create(output, null, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column);
        }
        csv.EndRecord();
        var rows = 0;
        foreach (var article in articles)
        {
            foreach (var column in columns)
            {
                csv.WriteField(Cell(article, column));
            }
            csv.EndRecord();
            rows++;
        }
        csv.Flush();
        return rows;
    }

    public static string Cell(StoredArticle article, string column) => column switch
    {
        "id" => article.Id.ToString(CultureInfo.InvariantCulture),
        "url" => article.Url,
        "site" => article.Site ?? "",
        "title" => article.Title ?? "",
        "lead" => article.Lead ?? "",
        "published" => StoredTime.Format(article.Published) ?? "",
        "modified" => StoredTime.Format(article.Modified) ?? "",
        "authors" => string.Join("; ", article.Authors),
        "views" => article.Views?.ToString(CultureInfo.InvariantCulture) ?? "",
        "comments" => article.Comments?.ToString(CultureInfo.InvariantCulture) ?? "",
        "body" => article.Body ?? "",
        _ => throw new ArgumentException($"unknown column '{column}'", nameof(column)),
    };
}
