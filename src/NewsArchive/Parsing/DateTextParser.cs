namespace NewsArchive.Parsing;

/// <summary>
/// Reads publication dates as sites print them: ISO 8601, RFC 822, numeric day-first dates,
/// month names (Russian, Ukrainian, English, German, some Romance), relative forms
/// ("вчера в 18:05", "2 часа назад"). A hand-written tokenizer and bounded look-ahead
/// matchers do the work, so hostile input costs linear time and no regex can backtrack.
/// </summary>
public static class DateTextParser
{
    /// <summary>Meta values and date labels are short; anything longer is cut, not scanned.</summary>
    public const int MaxShortLength = 1024;

    /// <summary>How much of a longer text <see cref="FindInText"/> looks at.</summary>
    public const int MaxTextLength = 200_000;

    /// <summary>
    /// Parses a short date string such as a meta value or a date label ("Опубликовано: 11.03.2026 | 12:30").
    /// Times without a zone are in <paramref name="siteZone"/>; date-only results are midnight there.
    /// Returns null for no date, a year before 1995 or a date more than a day after <paramref name="now"/>.
    /// </summary>
    public static DateTimeOffset? Parse(string? text, DateTimeOffset now, TimeZoneInfo siteZone)
    {
        return Scan(text, MaxShortLength, now, siteZone)?.Value;
    }

    /// <summary>
    /// The first date-looking substring of a longer text, such as a header line
    /// "Автор: Иван Петров · 11 марта 2026, 12:30 · 6201 просмотр"; candidates that fail
    /// validation (31.02, a future date) are skipped and the scan goes on.
    /// </summary>
    public static DateTimeOffset? FindInText(string? text, DateTimeOffset now, TimeZoneInfo siteZone)
    {
        return Scan(text, MaxTextLength, now, siteZone)?.Value;
    }

    /// <summary>As <see cref="FindInText"/>, telling also whether the year or day was inferred from now.</summary>
    internal static ScannedDate? FindScanned(string? text, DateTimeOffset now, TimeZoneInfo siteZone)
    {
        return Scan(text, MaxTextLength, now, siteZone);
    }

    private static ScannedDate? Scan(string? text, int maxLength, DateTimeOffset now, TimeZoneInfo siteZone)
    {
        ArgumentNullException.ThrowIfNull(siteZone);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var slice = text.Length > maxLength ? text[..maxLength] : text;
        return new DateScanner(slice, now, siteZone).FindFirst();
    }
}
