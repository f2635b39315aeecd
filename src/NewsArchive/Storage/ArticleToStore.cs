using NewsArchive.Parsing;

namespace NewsArchive.Storage;

/// <summary>One parsed page for <see cref="ArchiveStore.StoreArticles"/>: what <see cref="ArchiveStore.StoreArticle"/> takes.</summary>
public sealed record ArticleToStore(long SiteId, string UrlKey, ParsedPage Page, FetchRecord Fetch);
