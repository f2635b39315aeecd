namespace NewsArchive.Parsing;

public sealed record PageLink(Uri Url, LinkKind Kind, string? AnchorText, DateTimeOffset? Published, string? Heading);
