using System.Globalization;
using CsvHelper;
using NewsArchive.Storage;

namespace NewsArchive.Export;

public static class CsvLinkWriter
{
    public static void Write(TextWriter output, IEnumerable<StoredLink> links)
    {
        using var csv = CsvWriter.Create(output, null, leaveOpen: true);
        foreach (var header in new[] { "direction", "kind", "url", "title", "published", "id" })
        {
            csv.WriteField(header);
        }
        csv.EndRecord();
        foreach (var link in links)
        {
            csv.WriteField(link.Direction == LinkDirection.In ? "in" : "out");
            csv.WriteField(link.Kind);
            csv.WriteField(link.Url);
            csv.WriteField(link.Title ?? "");
            csv.WriteField(StoredTime.Format(link.Published) ?? "");
            csv.WriteField(link.ArticleId?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.EndRecord();
        }
        csv.Flush();
    }
}
