using System.Globalization;
using CsCheck;
using NewsArchive.Parsing;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>Clocks, site zones, and text made of the date parser's own vocabulary, numbers and separators.</summary>
internal static class DateGen
{
    private static readonly DateTimeOffset Earliest = new(1995, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Moscow (the default), zones at both ends of the offset range, and zones with daylight saving.</summary>
    public static readonly Gen<TimeZoneInfo> Zone = Gen.OneOf(
        SiteTimeZones.Default,
        TimeZoneInfo.Utc,
        SiteTimeZones.Find("Pacific/Kiritimati"),
        SiteTimeZones.Find("Pacific/Pago_Pago"),
        SiteTimeZones.Find("America/New_York"),
        SiteTimeZones.Find("Europe/Berlin"),
        SiteTimeZones.Find("Asia/Kamchatka"));

    /// <summary>The injected clock: any instant from 1996 to 2040, seen at a random offset.</summary>
    public static readonly Gen<DateTimeOffset> Now = Gen.Select(Gen.Long[new DateTime(1996, 1, 1).Ticks, new DateTime(2040, 1, 1).Ticks], Gen.Int[-12, 14])
        .Select(parts => new DateTimeOffset(parts.Item1, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(parts.Item2)));

    private static readonly Gen<string> Word = Gen.OneOf(
        DateWords.Months.Keys
            .Concat(DateWords.Zones.Keys)
            .Concat(DateWords.RelativeDays.Keys)
            .Concat(DateWords.RelativeUnits.Keys)
            .Concat(DateWords.NumberWords.Keys)
            .Concat(DateWords.AgoWords)
            .Concat(DateWords.TimeConnectors)
            .Concat(DateWords.YearSuffixes)
            .Concat(DateWords.OrdinalSuffixes)
            .Concat(DateWords.TimeSuffixes)
            .Concat(["t", "z", "am", "pm", "a", "p", "m", "de", "го", "uhr", "vor", "назад", "Опубликовано", "Автор", "Иван", "news"])
            .ToArray());

    private static readonly Gen<string> Number = Gen.Frequency(
        (6, Gen.Int[0, 99].Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Int[0, 9].Select(n => "0" + n.ToString(CultureInfo.InvariantCulture))),
        (4, Gen.Int[1900, 2100].Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Long[0, long.MaxValue].Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Int[0, 99_999_999].Select(n => n.ToString(CultureInfo.InvariantCulture))));

    private static readonly Gen<string> Symbol = Gen.OneOf(
        ".", "-", "/", ":", ",", ";", "|", "·", "•", "–", "—", "+", "\u2212", "(", ")", "@", "T", "Z", " ", " ", " ", "  ", "\u00a0", "\t", "\n", "\0", "\u200b", "\u0301", "ё", "Ё");

    /// <summary>Date-like text: words, numbers and separators of dates, run together or spaced.</summary>
    public static readonly Gen<string> DateLike = Gen.Frequency((3, Word), (4, Number), (5, Symbol)).Array[1, 24].Select(string.Concat);

    /// <summary>Any text: date-like text, random strings, or both, sometimes very long.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (5, DateLike),
        (2, Gen.String[0, 200]),
        (2, Gen.Select(Gen.String[0, 60], DateLike, Gen.String[0, 60]).Select(parts => parts.Item1 + parts.Item2 + parts.Item3)),
        (1, Gen.Select(DateLike, Gen.Int[1, 300]).Select(parts => string.Concat(Enumerable.Repeat(parts.Item1, parts.Item2)))));

    /// <summary>
    /// A publication instant between 1995 and two days before <paramref name="now"/>, in whole seconds: a date
    /// alone is read as midnight in the site's zone, up to a day later than the instant it was printed from.
    /// </summary>
    public static Gen<DateTimeOffset> PastInstant(DateTimeOffset now) =>
        Gen.Select(Gen.Long[Earliest.UtcTicks + TimeSpan.TicksPerDay, now.UtcTicks - (2 * TimeSpan.TicksPerDay)], Gen.Int[-12 * 4, 14 * 4])
            .Select(parts => new DateTimeOffset(parts.Item1 - (parts.Item1 % TimeSpan.TicksPerSecond), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(15 * parts.Item2)));

    /// <summary>A date as a round-trip format prints it: what the parser must read back.</summary>
    public static string Render(DateTimeOffset value, DateFormat format) => format switch
    {
        DateFormat.RussianGenitive => TestSiteDates.Visible(value, TestDateStyle.DayMonthYear, value),
        DateFormat.RussianGenitiveTime => TestSiteDates.Visible(value, TestDateStyle.DayMonthYearTime, value),
        DateFormat.Numeric => TestSiteDates.NumericDate(value),
        DateFormat.NumericTime => TestSiteDates.Visible(value, TestDateStyle.NumericDateTime, value),
        DateFormat.DaySlash => value.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture),
        DateFormat.YearSlash => value.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture),
        DateFormat.EnglishMonthDay => value.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
        DateFormat.EnglishDayMonth => value.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        DateFormat.Iso8601 => TestSiteDates.Iso(value),
        DateFormat.Rfc822 => TestSiteDates.Rfc822(value),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
