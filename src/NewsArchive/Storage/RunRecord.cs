namespace NewsArchive.Storage;

/// <summary>One fetch run: when it ran, how it ended (running, ok, failed, interrupted, killed) and what it did per site.</summary>
public sealed record RunRecord(long Id, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string Status, IReadOnlyList<RunSiteRecord> Sites)
{
    public int Stored => Sites.Sum(s => s.Stored);
    public int Failed => Sites.Sum(s => s.Failed);
    public int Fetched => Sites.Sum(s => s.Fetched);
    public int Discovered => Sites.Sum(s => s.Discovered);
    public TimeSpan? Duration => EndedAt is { } end ? end - StartedAt : null;
}
