namespace NewsArchive.Storage;

/// <summary>A link met while walking the graph <see cref="Depth"/> steps away from the start, seen from article <see cref="FromId"/>.</summary>
public sealed record LinkStep(int Depth, long FromId, StoredLink Link);
