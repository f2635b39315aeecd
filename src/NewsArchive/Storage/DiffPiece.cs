namespace NewsArchive.Storage;

/// <summary>A run of words that both versions share, or that only the old (removed) or new (added) one has.</summary>
public sealed record DiffPiece(DiffKind Kind, IReadOnlyList<string> Words);
