using System.Globalization;
using System.Xml;
using NewsArchive.Storage;

namespace NewsArchive.Export;

/// <summary>
/// The link graph as GraphML (Gephi, yEd, NetworkX): nodes are pages keyed by their normalised URL, with the
/// article's title, site and date when it is stored; edges carry the link kind and anchor text. Nodes and
/// edges are streamed from two queries, so memory stays flat.
/// </summary>
public static class GraphMlWriter
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public static int Write(TextWriter output, IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> edges)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, CloseOutput = false, CheckCharacters = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        Key(xml, "url", "node", "url");
        Key(xml, "title", "node", "title");
        Key(xml, "site", "node", "site");
        Key(xml, "published", "node", "published");
        Key(xml, "stored", "node", "stored", "boolean");
        Key(xml, "kind", "edge", "kind");
        Key(xml, "anchor", "edge", "anchor_text");
        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", "links");
        xml.WriteAttributeString("edgedefault", "directed");
        foreach (var node in nodes)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", node.Key);
            Data(xml, "url", node.Url);
            Data(xml, "title", node.Title);
            Data(xml, "site", node.Site);
            Data(xml, "published", StoredTime.Format(node.Published));
            Data(xml, "stored", node.ArticleId is null ? "false" : "true");
            xml.WriteEndElement();
        }
        var count = 0;
        foreach (var edge in edges)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", "e" + count.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("source", edge.FromKey);
            xml.WriteAttributeString("target", edge.ToKey);
            Data(xml, "kind", edge.Kind);
            Data(xml, "anchor", edge.AnchorText);
            xml.WriteEndElement();
            count++;
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        return count;
    }

    private static void Key(XmlWriter xml, string id, string domain, string name, string type = "string")
    {
        xml.WriteStartElement("key", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", domain);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string key, string? value)
    {
        if (value is null)
        {
            return;
        }
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        // Control characters are not allowed in XML 1.0 even escaped: page text sometimes has them.
        xml.WriteString(new string(value.Where(c => c is '\t' or '\n' or '\r' || !char.IsControl(c)).ToArray()));
        xml.WriteEndElement();
    }
}
