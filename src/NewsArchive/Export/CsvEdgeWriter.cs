using CsvHelper;
using NewsArchive.Storage;

namespace NewsArchive.Export;

/// <summary>The link graph as an edge list: from_url,to_url,kind,anchor_text, streamed.</summary>
public static class CsvEdgeWriter
{
    public static int Write(TextWriter output, IEnumerable<GraphEdge> edges)
    {
        using var csv = CsvWriter.Create(output, null, leaveOpen: true);
        foreach (var header in new[] { "from_url", "to_url", "kind", "anchor_text" })
        {
            csv.WriteField(header);
        }
        csv.EndRecord();
        var rows = 0;
        foreach (var edge in edges)
        {
            csv.WriteField(edge.FromUrl);
            csv.WriteField(edge.ToUrl);
            csv.WriteField(edge.Kind);
            csv.WriteField(edge.AnchorText ?? "");
            csv.EndRecord();
            rows++;
        }
        csv.Flush();
        return rows;
    }
}
