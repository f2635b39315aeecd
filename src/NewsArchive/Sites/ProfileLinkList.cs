using NewsArchive.Parsing;

namespace NewsArchive.Sites;

/// <summary>
/// A list of links: its container, the item links inside it (default every link) and, optionally, the date shown
/// beside each item; <see cref="Kind"/> is what the links are stored as.
/// </summary>
public sealed record ProfileLinkList(LinkKind Kind, string Container, string? Item = null, string? Date = null);
