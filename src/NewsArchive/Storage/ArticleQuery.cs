namespace NewsArchive.Storage;

/// <summary>Filters shared by list, search and export. Dates are the publication day as the site shows it.</summary>
public sealed record ArticleQuery
{
    public IReadOnlyList<string> Sites { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? Limit { get; init; }
    /// <summary>An FTS5 query; null lists everything.</summary>
    public string? Text { get; init; }
    public bool IncludeBody { get; init; }
}
