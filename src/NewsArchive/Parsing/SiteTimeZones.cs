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

    private static readonly Dictionary<string, string> CountryZones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ru"] = "Europe/Moscow", ["su"] = "Europe/Moscow", ["рф"] = "Europe/Moscow", ["by"] = "Europe/Minsk", ["ua"] = "Europe/Kyiv",
        ["kz"] = "Asia/Almaty", ["uz"] = "Asia/Tashkent", ["am"] = "Asia/Yerevan", ["ge"] = "Asia/Tbilisi", ["az"] = "Asia/Baku",
        ["de"] = "Europe/Berlin", ["at"] = "Europe/Vienna", ["ch"] = "Europe/Zurich", ["li"] = "Europe/Vaduz", ["lu"] = "Europe/Luxembourg",
        ["fr"] = "Europe/Paris", ["be"] = "Europe/Brussels", ["nl"] = "Europe/Amsterdam", ["es"] = "Europe/Madrid", ["pt"] = "Europe/Lisbon",
        ["it"] = "Europe/Rome", ["uk"] = "Europe/London", ["ie"] = "Europe/Dublin", ["pl"] = "Europe/Warsaw", ["cz"] = "Europe/Prague",
        ["sk"] = "Europe/Bratislava", ["hu"] = "Europe/Budapest", ["ro"] = "Europe/Bucharest", ["bg"] = "Europe/Sofia", ["gr"] = "Europe/Athens",
        ["fi"] = "Europe/Helsinki", ["se"] = "Europe/Stockholm", ["no"] = "Europe/Oslo", ["dk"] = "Europe/Copenhagen", ["ee"] = "Europe/Tallinn",
        ["lv"] = "Europe/Riga", ["lt"] = "Europe/Vilnius", ["tr"] = "Europe/Istanbul", ["il"] = "Asia/Jerusalem",
        ["ar"] = "America/Argentina/Buenos_Aires", ["bo"] = "America/La_Paz", ["br"] = "America/Sao_Paulo", ["cl"] = "America/Santiago",
        ["co"] = "America/Bogota", ["mx"] = "America/Mexico_City", ["pe"] = "America/Lima", ["uy"] = "America/Montevideo",
        ["ve"] = "America/Caracas", ["ec"] = "America/Guayaquil", ["py"] = "America/Asuncion", ["hn"] = "America/Tegucigalpa",
        ["gt"] = "America/Guatemala", ["sv"] = "America/El_Salvador", ["ni"] = "America/Managua", ["cr"] = "America/Costa_Rica",
        ["pa"] = "America/Panama", ["cu"] = "America/Havana", ["do"] = "America/Santo_Domingo", ["us"] = "America/New_York",
        ["ca"] = "America/Toronto", ["jp"] = "Asia/Tokyo", ["cn"] = "Asia/Shanghai", ["hk"] = "Asia/Hong_Kong", ["tw"] = "Asia/Taipei",
        ["kr"] = "Asia/Seoul", ["sg"] = "Asia/Singapore", ["in"] = "Asia/Kolkata", ["au"] = "Australia/Sydney", ["nz"] = "Pacific/Auckland",
        ["za"] = "Africa/Johannesburg",
    };

    /// <summary>The zone of a country-code domain (the capital's, for countries with several), or null for .com, .org and the like.</summary>
    public static TimeZoneInfo? ForHost(string host)
    {
        var name = host.TrimEnd('.');
        var dot = name.LastIndexOf('.');
        if (dot < 0 || !CountryZones.TryGetValue(name[(dot + 1)..], out var id))
        {
            return null;
        }
        return FindOrNull(id);
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
