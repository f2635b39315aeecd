namespace NewsArchive.Storage;

/// <summary>What one fetch run did on one site, as the runs history keeps it.</summary>
public sealed record RunSiteRecord
{
    public required string Site { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
    /// <summary>New URLs queued by discovery (feeds, listings, sitemaps, related links).</summary>
    public int Discovered { get; init; }
    /// <summary>Requests for articles (new ones and revisits), not counting feeds, listings and sitemaps.</summary>
    public int Fetched { get; init; }
    /// <summary>New articles stored.</summary>
    public int Stored { get; init; }
    /// <summary>Known articles fetched again (counters, edits) that had changed.</summary>
    public int Revisited { get; init; }
    /// <summary>Conditional requests answered 304 Not Modified.</summary>
    public int Unchanged { get; init; }
    /// <summary>Pages that were not articles, not pages, or forbidden by robots.txt.</summary>
    public int Skipped { get; init; }
    public int Failed { get; init; }
    /// <summary>Stored articles without a publication date.</summary>
    public int Undated { get; init; }
    /// <summary>Why the whole site could not be crawled, when it could not.</summary>
    public string? Error { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Filled by <see cref="ArchiveStore.GetRun"/>; empty in run lists.</summary>
    public IReadOnlyList<RunFailure> Failures { get; init; } = [];
}
