namespace NewsArchive.Storage;

/// <summary>Another article with (nearly) the same text: <see cref="Distance"/> differing SimHash bits, 0 for the same text.</summary>
public sealed record NearDuplicate(StoredArticle Article, int Distance);
