using System.Globalization;

namespace NewsArchive.Tests.TestSite;

/// <summary>Date formatting used by the test site's pages, feed and sitemap.</summary>
internal static class TestSiteDates
{
    private static readonly string[] _genitiveMonths =
    [
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ];

    public static string Visible(DateTimeOffset published, TestDateStyle style, DateTimeOffset now) => style switch
    {
        TestDateStyle.DayMonthYear => DayMonthYear(published),
        TestDateStyle.NumericDateTime => published.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture),
        TestDateStyle.DayMonthYearTime => $"{DayMonthYear(published)}, {Time(published)}",
        TestDateStyle.Relative => Relative(published, now),
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };

    public static string NumericDate(DateTimeOffset value) => value.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset value) => value.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with offset, e.g. <c>2026-03-11T12:30:00+03:00</c>.</summary>
    public static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>RFC 822 as used in RSS, e.g. <c>Wed, 11 Mar 2026 12:30:00 +0300</c>.</summary>
    public static string Rfc822(DateTimeOffset value)
    {
        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return value.ToString("ddd, dd MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)
            + $" {sign}{abs.Hours:D2}{abs.Minutes:D2}";
    }

    /// <summary>RFC 1123 in GMT, for <c>Last-Modified</c>.</summary>
    public static string Http(DateTimeOffset value) => value.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    private static string DayMonthYear(DateTimeOffset value) =>
        $"{value.Day} {_genitiveMonths[value.Month - 1]} {value.Year}";

    private static string Relative(DateTimeOffset published, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(published.Offset).DateTime);
        var day = DateOnly.FromDateTime(published.DateTime);
        if (day == today)
        {
            return $"Сегодня, {Time(published)}";
        }

        return day == today.AddDays(-1)
            ? $"Вчера, {Time(published)}"
            : $"{DayMonthYear(published)}, {Time(published)}";
    }
}
