using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>An element waiting in <see cref="DatePageScan"/>'s walk, with what its ancestors passed down.</summary>
internal readonly record struct DateScanFrame(IElement Element, int Parent, int ExcludedBy, int Paragraph, bool InArticle, int SiteHeader);
