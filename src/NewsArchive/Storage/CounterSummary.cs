namespace NewsArchive.Storage;

/// <summary>The latest views and comments and their growth since the first reading that had each.</summary>
public sealed record CounterSummary(int Readings, DateTimeOffset FirstRead, DateTimeOffset LastRead,
    int? Views, int? ViewsGrowth, int? Comments, int? CommentsGrowth)
{
    public static CounterSummary? From(IReadOnlyList<CounterReading> readings)
    {
        if (readings.Count == 0)
        {
            return null;
        }
        var views = readings.Where(r => r.Views is not null).Select(r => r.Views!.Value).ToList();
        var comments = readings.Where(r => r.Comments is not null).Select(r => r.Comments!.Value).ToList();
        return new CounterSummary(readings.Count, readings[0].ReadAt, readings[^1].ReadAt,
            views.Count > 0 ? views[^1] : null, views.Count > 0 ? views[^1] - views[0] : null,
            comments.Count > 0 ? comments[^1] : null, comments.Count > 0 ? comments[^1] - comments[0] : null);
    }
}
