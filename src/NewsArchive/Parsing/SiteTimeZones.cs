namespace NewsArchive.Parsing;

/// <summary>Time zones of sites: dates printed without a zone are read in the site's zone.</summary>
public static class SiteTimeZones
{
    public const string DefaultId = "Europe/Moscow";

    /// <summary>Moscow time, or a fixed +03:00 zone where the system has no tz database.</summary>
    public static TimeZoneInfo Default { get; } = FindOrNull(DefaultId)
        ?? TimeZoneInfo.CreateCustomTimeZone("MSK+03", TimeSpan.FromHours(3), "Moscow (+03:00)", "MSK");

    /// <summary>The zone with the given IANA or Windows id, or <see cref="Default"/> when it is unknown.</summary>
    public static TimeZoneInfo Find(string? id)
    {
        return string.IsNullOrWhiteSpace(id) ? Default : FindOrNull(id.Trim()) ?? Default;
    }

    private static TimeZoneInfo? FindOrNull(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
