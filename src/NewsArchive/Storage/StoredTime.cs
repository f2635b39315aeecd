using System.Globalization;

namespace NewsArchive.Storage;

/// <summary>Times are ISO-8601 text with their offset, so the site's own clock survives storage.</summary>
public static class StoredTime
{
    public static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;

    public static string FormatUtc(DateTimeOffset value) => Format(value.ToUniversalTime());

    /// <summary>
    /// Reads what <see cref="Format(DateTimeOffset)"/> wrote, or any ISO-8601 time. The written form is read by
    /// hand: exports read millions, and the framework's exact parser consults the culture's comparer for the literals.
    /// </summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (TryParseWritten(text, out var written))
        {
            return written;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
    }

    // yyyy-MM-ddTHH:mm:ss+hh:mm (or -hh:mm), exactly 25 characters.
    private static bool TryParseWritten(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != 25 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || (text[19] != '+' && text[19] != '-') || text[22] != ':')
        {
            return false;
        }
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second)
            || !Digits(text, 20, 2, out var offsetHours) || !Digits(text, 23, 2, out var offsetMinutes))
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59
            || second > 59 || offsetHours > 14 || offsetMinutes > 59)
        {
            return false;
        }
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        if (offset > TimeSpan.FromHours(14))
        {
            return false;
        }
        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, text[19] == '-' ? -offset : offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // Near the ends of the calendar the UTC time falls outside it: let the general parser decide.
            return false;
        }
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }
            value = value * 10 + digit;
        }
        return true;
    }
}
