using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>A headed list of links found on a page ("Новости по теме:", "Популярное"), and the elements it covers.</summary>
internal sealed record LinkList(string? Heading, LinkKind Kind, IReadOnlyList<PageLink> Items, IReadOnlyList<IElement> Elements);
