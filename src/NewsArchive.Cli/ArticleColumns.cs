namespace NewsArchive.Cli;

/// <summary>Which table an article listing prints: plain, with the search match, or with the figure it is ranked by.</summary>
public enum ArticleColumns
{
    Plain,
    Search,
    Views,
    Inlinks,
}
