namespace NewsArchive.Parsing;

/// <summary>
/// Dates in URL paths: /2026/03/11/, /2026-03-11-slug, /20260311/, /11-03-2026, and /2026/03/ for a month.
/// </summary>
internal static class UrlDateParser
{
    /// <summary>The first full date in the path, else the first year/month pair as the first of that month.</summary>
    public static (DateTimeOffset? Date, bool IsMonthOnly) Parse(Uri uri, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (!uri.IsAbsoluteUri)
        {
            return (null, false);
        }

        var path = uri.AbsolutePath;
        var maxYear = TimeZoneInfo.ConvertTime(now, zone).Year;
        DateTimeOffset? monthOnly = null;
        var i = 0;
        while (i < path.Length)
        {
            if (!char.IsAsciiDigit(path[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var run = ReadRun(path, ref i);
            if (start > 0 && char.IsAsciiLetter(path[start - 1]))
            {
                continue;
            }

            if (run.Length == 8 && EndsRun(path, i))
            {
                // 20260311, else 11032026
                var full = Build(Number(run[..4]), Number(run[4..6]), Number(run[6..]), maxYear, now, zone)
                    ?? Build(Number(run[4..]), Number(run[2..4]), Number(run[..2]), maxYear, now, zone);
                if (full is not null)
                {
                    return (full, false);
                }

                continue;
            }

            if (run.Length is 1 or 2 && i < path.Length && path[i] is '-' or '_' or '.')
            {
                // 11-03-2026: day first, as written in Europe and Russia.
                var daySeparator = path[i];
                var afterDay = i + 1;
                var monthRun = ReadRun(path, ref afterDay);
                if (monthRun.Length is 1 or 2 && afterDay < path.Length && path[afterDay] == daySeparator)
                {
                    var afterMonth = afterDay + 1;
                    var yearRun = ReadRun(path, ref afterMonth);
                    if (yearRun.Length == 4 && EndsRun(path, afterMonth))
                    {
                        var full = Build(Number(yearRun), Number(monthRun), Number(run), maxYear, now, zone);
                        if (full is not null)
                        {
                            return (full, false);
                        }
                    }
                }

                continue;
            }

            if (run.Length != 4 || i >= path.Length || !IsSeparator(path[i]))
            {
                continue;
            }

            var separator = path[i];
            var afterYear = i + 1;
            var month = ReadRun(path, ref afterYear);
            if (month.Length is < 1 or > 2)
            {
                continue;
            }

            if (afterYear < path.Length && path[afterYear] == separator)
            {
                var afterMonth = afterYear + 1;
                var day = ReadRun(path, ref afterMonth);
                if (day.Length is 1 or 2 && EndsRun(path, afterMonth))
                {
                    var full = Build(Number(run), Number(month), Number(day), maxYear, now, zone);
                    if (full is not null)
                    {
                        return (full, false);
                    }
                }
            }

            // Only a slash-separated /yyyy/mm/ reads as an archive month; "2026-03" could be anything.
            if (monthOnly is null && separator == '/' && (afterYear == path.Length || path[afterYear] == '/'))
            {
                monthOnly = Build(Number(run), Number(month), 1, maxYear, now, zone);
            }
        }

        return monthOnly is null ? (null, false) : (monthOnly, true);
    }

    private static ReadOnlySpan<char> ReadRun(string path, ref int i)
    {
        var start = i;
        while (i < path.Length && char.IsAsciiDigit(path[i]))
        {
            i++;
        }

        return path.AsSpan(start, i - start);
    }

    private static bool EndsRun(string path, int i) => i == path.Length || !char.IsAsciiLetterOrDigit(path[i]);

    private static bool IsSeparator(char c) => c is '/' or '-' or '_' or '.';

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = value * 10 + (c - '0');
        }

        return value;
    }

    private static DateTimeOffset? Build(int year, int month, int day, int maxYear, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (year < 1995 || year > maxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        var date = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return date <= now.AddDays(1) ? date : null;
    }
}
