namespace NewsArchive.Storage;

public sealed record DayCount(DateOnly Day, int Articles);
