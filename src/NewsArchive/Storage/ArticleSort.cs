namespace NewsArchive.Storage;

public enum ArticleSort
{
    /// <summary>Relevance when there is a search query, else date.</summary>
    Default,
    Date,
    Views,
    Relevance,
    /// <summary>Related-news and in-text links from other stored articles.</summary>
    Inlinks,
}
