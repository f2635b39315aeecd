using System.Globalization;
using CsvHelper;
using NewsArchive.Storage;

namespace NewsArchive.Export;

public static class CsvLinkWriter
{
    /// <param name="steps">For a walk: each link's depth and the article it was seen from, written as the first two columns.</param>
    public static void Write(TextWriter output, IEnumerable<StoredLink> links, IReadOnlyList<(int Depth, long FromId)>? steps = null)
    {
        using var csv = CsvWriter.Create(output, null, leaveOpen: true);
        if (steps is not null)
        {
            csv.WriteField("depth");
            csv.WriteField("from_id");
        }
        foreach (var header in new[] { "direction", "kind", "url", "title", "published", "id" })
        {
            csv.WriteField(header);
        }
        csv.EndRecord();
        var index = 0;
        foreach (var link in links)
        {
            if (steps is not null)
            {
                csv.WriteField(steps[index].Depth.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(steps[index].FromId.ToString(CultureInfo.InvariantCulture));
            }
            csv.WriteField(link.Direction == LinkDirection.In ? "in" : "out");
            csv.WriteField(link.Kind);
            csv.WriteField(link.Url);
            csv.WriteField(link.Title ?? "");
            csv.WriteField(StoredTime.Format(link.Published) ?? "");
            csv.WriteField(link.ArticleId?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.EndRecord();
            index++;
        }
        csv.Flush();
    }
}
