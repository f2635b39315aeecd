namespace NewsArchive.Storage;

/// <summary>
/// A user's search translated for the stemmed FTS5 index. <see cref="Fts5"/> is passed to MATCH as a
/// parameter; every word in it is a quoted stem, so no user text is ever read as FTS5 or SQL syntax.
/// <see cref="Terms"/> are the words to highlight (those under NOT are left out).
/// </summary>
public sealed record SearchQuery(string Fts5, IReadOnlyList<SearchTerm> Terms);
