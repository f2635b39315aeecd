namespace NewsArchive.Storage;

/// <summary>Filters shared by every query command. Dates are the publication day as the site shows it.</summary>
public sealed record ArticleQuery
{
    public IReadOnlyList<string> Sites { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? Limit { get; init; }
    /// <summary>
    /// A relevance search with a <see cref="Limit"/> and no filter that matches more than this many articles lists
    /// the most recently archived first instead of scoring every match (see <see cref="ArchiveStore.ListsNewestInsteadOfRanking"/>).
    /// </summary>
    public int RankedMatches { get; init; } = DefaultRankedMatches;

    public const int DefaultRankedMatches = 10_000;
    /// <summary>A search as the user typed it (see <see cref="SearchQueryParser"/>); null lists everything.</summary>
    public string? Text { get; init; }
    public bool IncludeBody { get; init; }
    /// <summary>Part of an author's name, any case.</summary>
    public string? Author { get; init; }
    /// <summary>Articles with any of these tags (the site's tag links), any case.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    public int? MinViews { get; init; }
    public ArticleSort Sort { get; init; }
    /// <summary>Count each article's inlinks (<see cref="StoredArticle.Inlinks"/>) even when not sorting by them.</summary>
    public bool IncludeInlinks { get; init; }
}
