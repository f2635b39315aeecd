using NewsArchive.Storage;

namespace NewsArchive.Crawling;

/// <summary>What a reparse did: how many articles it read, changed (and what in them), left alone or could not read.</summary>
public sealed class ReparseReport(bool dryRun)
{
    /// <summary>Failures kept with their URL and reason; more are only counted.</summary>
    public const int MaxFailuresKept = 100;
    private readonly List<ReparseFailure> _failures = [];

    public bool DryRun { get; } = dryRun;
    /// <summary>Articles the filters selected.</summary>
    public int Articles { get; private set; }
    /// <summary>Articles parsed again from their source bytes (changed, unchanged or not).</summary>
    public int Reparsed { get; private set; }
    public int Changed { get; private set; }
    public int Unchanged { get; private set; }
    public int TitlesChanged { get; private set; }
    public int BodiesChanged { get; private set; }
    public int DatesChanged { get; private set; }
    public int AuthorsChanged { get; private set; }
    public int LinksChanged { get; private set; }
    public int Failed { get; private set; }
    /// <summary>Articles stored without source bytes (imported, or from an archive that did not keep them): nothing to parse.</summary>
    public int WithoutSource { get; private set; }
    /// <summary>Stopped (Ctrl+C) before the end; every article counted here was finished.</summary>
    public bool Cancelled { get; internal set; }
    public IReadOnlyList<ReparseFailure> Failures => _failures;

    internal void AddWithoutSource()
    {
        Articles++;
        WithoutSource++;
    }

    internal void AddFailure(ReparseFailure failure)
    {
        Articles++;
        Failed++;
        if (_failures.Count < MaxFailuresKept)
        {
            _failures.Add(failure);
        }
    }

    internal void AddReparsed(ReparseChange change)
    {
        Articles++;
        Reparsed++;
        if (change == ReparseChange.None)
        {
            Unchanged++;
            return;
        }
        Changed++;
        TitlesChanged += change.HasFlag(ReparseChange.Title) ? 1 : 0;
        BodiesChanged += change.HasFlag(ReparseChange.Body) ? 1 : 0;
        DatesChanged += change.HasFlag(ReparseChange.Dates) ? 1 : 0;
        AuthorsChanged += change.HasFlag(ReparseChange.Authors) ? 1 : 0;
        LinksChanged += change.HasFlag(ReparseChange.Links) ? 1 : 0;
    }
}
