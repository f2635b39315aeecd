using NewsArchive.Storage;

namespace NewsArchive.Crawling;

/// <summary>
/// What one run did on one site. The crawler updates it as it goes (from one task per site); a progress display
/// may read the counters meanwhile.
/// </summary>
public sealed class SiteCrawlReport(string site, DateTimeOffset startedAt)
{
    private readonly Lock _gate = new();
    private readonly List<(string Url, string Reason)> _failures = [];
    private readonly List<string> _warnings = [];
    private readonly List<PlannedFetch> _planned = [];

    public string Site { get; } = site;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>discovering, fetching, revisiting, done.</summary>
    public string Phase { get; set; } = "waiting";
    public int Discovered { get; set; }
    public int Fetched { get; set; }
    public int Stored { get; set; }
    public int Revisited { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public int Undated { get; set; }
    public int FailedCount { get; private set; }
    public string? FatalError { get; set; }

    public IReadOnlyList<(string Url, string Reason)> Failures
    {
        get
        {
            lock (_gate)
            {
                return [.. _failures];
            }
        }
    }

    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_gate)
            {
                return [.. _warnings];
            }
        }
    }

    /// <summary>In a dry run: what a real run would fetch, in order.</summary>
    public IReadOnlyList<PlannedFetch> Planned
    {
        get
        {
            lock (_gate)
            {
                return [.. _planned];
            }
        }
    }

    public void AddFailure(string url, string reason)
    {
        lock (_gate)
        {
            _failures.Add((url, reason));
            FailedCount = _failures.Count;
        }
    }

    public void AddWarning(string warning)
    {
        lock (_gate)
        {
            _warnings.Add(warning);
        }
    }

    public void AddPlanned(PlannedFetch planned)
    {
        lock (_gate)
        {
            _planned.Add(planned);
        }
    }

    public RunSiteRecord ToRecord(DateTimeOffset endedAt) => new()
    {
        Site = Site,
        StartedAt = StartedAt,
        EndedAt = EndedAt ?? endedAt,
        Discovered = Discovered,
        Fetched = Fetched,
        Stored = Stored,
        Revisited = Revisited,
        Unchanged = Unchanged,
        Skipped = Skipped,
        Failed = FailedCount + (FatalError is null ? 0 : 1),
        Undated = Undated,
        Error = FatalError,
        Warnings = Warnings,
        Failures = [.. Failures.Select(f => new RunFailure(Site, f.Url, f.Reason))],
    };
}
