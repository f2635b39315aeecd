namespace NewsArchive.Storage;

/// <summary>Extraction health of one site: how many articles, and how many came out with a body, a date, counters.</summary>
public sealed record SiteStats(string Site, int Articles, int WithBody, int WithDate, int WithCounters, DateOnly? FirstDay, DateOnly? LastDay);
