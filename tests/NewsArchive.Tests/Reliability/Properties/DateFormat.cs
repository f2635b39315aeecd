namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>Formats the date parser must read back to the date that was printed.</summary>
internal enum DateFormat
{
    /// <summary><c>d MMMM yyyy</c> with the Russian genitive month: <c>11 марта 2026</c>.</summary>
    RussianGenitive,

    /// <summary><c>11 марта 2026, 12:30</c>: a wall-clock time in the site's zone.</summary>
    RussianGenitiveTime,

    /// <summary><c>dd.MM.yyyy</c>.</summary>
    Numeric,

    /// <summary><c>dd.MM.yyyy HH:mm</c>.</summary>
    NumericTime,

    /// <summary><c>dd/MM/yyyy</c>: day first.</summary>
    DaySlash,

    /// <summary><c>yyyy/MM/dd</c>.</summary>
    YearSlash,

    /// <summary><c>March 11, 2026</c>.</summary>
    EnglishMonthDay,

    /// <summary><c>11 Mar 2026</c>.</summary>
    EnglishDayMonth,

    /// <summary><c>2026-03-11T12:30:00+03:00</c>.</summary>
    Iso8601,

    /// <summary><c>Wed, 11 Mar 2026 12:30:00 +0300</c>.</summary>
    Rfc822,
}
