namespace NewsArchive.Storage;

/// <summary>One stored link as the link-graph export writes it.</summary>
public sealed record GraphEdge(string FromKey, string FromUrl, string ToKey, string ToUrl, string Kind, string? AnchorText);
