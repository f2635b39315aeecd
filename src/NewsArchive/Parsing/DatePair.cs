namespace NewsArchive.Parsing;

/// <summary>A published and a modified date found by one source, either possibly missing.</summary>
internal readonly record struct DatePair(DateTimeOffset? Published, DateTimeOffset? Modified);
