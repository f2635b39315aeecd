using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>
/// One sample page for <see cref="ProfileSuggester"/>: an untouched parse of it, what the generic extractor made of it,
/// and the elements it chose, found again in the untouched parse.
/// </summary>
internal sealed record ProfileSample(IDocument Document, ParsedPage Page, IReadOnlyList<IElement> Body, IReadOnlyList<(LinkKind Kind, IElement Container)> Lists);
