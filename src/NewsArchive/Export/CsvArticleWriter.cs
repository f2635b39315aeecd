using System.Globalization;
using CsvHelper;
using NewsArchive.Storage;

namespace NewsArchive.Export;

/// <summary>CSV of articles (CsvHelper does the quoting), streamed row by row.</summary>
public static class CsvArticleWriter
{
    public static readonly IReadOnlyList<string> DefaultColumns =
        ["id", "url", "site", "title", "published", "modified", "authors", "views", "comments", "body"];

    public static readonly IReadOnlyList<string> ListColumns =
        ["id", "url", "site", "title", "published", "modified", "authors", "views", "comments"];

    /// <summary>Every column --columns may name.</summary>
    public static readonly IReadOnlyList<string> AllColumns =
        ["id", "url", "site", "title", "lead", "published", "modified", "authors", "views", "comments", "body", "inlinks", "first_stored", "last_fetched"];

    /// <summary>
    /// Options for Excel: it reads a BOM-less or comma-separated file as the locale's code page and one column
    /// in Russian locales, so Excel mode writes a BOM, ';' and CRLF, and neutralises cells that Excel would run
    /// as formulas (=, +, -, @) with a leading apostrophe.
    /// </summary>
    public static CsvWriterOptions ExcelOptions(char separator = ';') => new()
    {
        Separator = separator,
        NewLine = "\r\n",
        Injection = CsvInjection.Escape,
    };

    public static int Write(TextWriter output, IEnumerable<StoredArticle> articles, IReadOnlyList<string> columns, CsvWriterOptions? options = null, bool byteOrderMark = false)
    {
        if (byteOrderMark)
        {
            // Written as a character so it works on any TextWriter, standard output included.
            output.Write('\uFEFF');
        }
        using var csv = CsvWriter.Create(output, options, leaveOpen: true);
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
        "inlinks" => article.Inlinks?.ToString(CultureInfo.InvariantCulture) ?? "",
        "first_stored" => StoredTime.Format(article.FirstStored),
        "last_fetched" => StoredTime.Format(article.LastFetched),
        _ => throw new ArgumentException($"unknown column '{column}'", nameof(column)),
    };
}
