namespace NewsArchive.Storage;

/// <summary>
/// What the archive holds: per site, per publication day, and the date coverage (days in the span with
/// no article at all are often days the crawler missed).
/// </summary>
public sealed record ArchiveStats(IReadOnlyList<SiteStats> Sites, IReadOnlyList<DayCount> Days, int Articles, int Undated)
{
    public DateOnly? FirstDay => Days.Count > 0 ? Days[0].Day : null;
    public DateOnly? LastDay => Days.Count > 0 ? Days[^1].Day : null;
    public int SpanDays => FirstDay is { } first && LastDay is { } last ? last.DayNumber - first.DayNumber + 1 : 0;
    public int DaysWithoutArticles => SpanDays - Days.Count;
}
