namespace NewsArchive.Storage;

/// <summary>Views and comments as one fetch read them.</summary>
public sealed record CounterReading(DateTimeOffset ReadAt, int? Views, int? Comments);
