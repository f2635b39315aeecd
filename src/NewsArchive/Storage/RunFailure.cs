namespace NewsArchive.Storage;

/// <summary>A URL that failed during a fetch run, and why.</summary>
public sealed record RunFailure(string Site, string Url, string Reason);
