namespace NewsArchive.Tests.TestSite;

/// <summary>How an article page shows its publication date in <c>span.news-date-time</c>.</summary>
public enum TestDateStyle
{
    /// <summary><c>11 марта 2026</c>: date only, no time.</summary>
    DayMonthYear,

    /// <summary><c>11.03.2026 12:30</c>.</summary>
    NumericDateTime,

    /// <summary><c>11 марта 2026, 12:30</c>.</summary>
    DayMonthYearTime,

    /// <summary>
    /// <c>Сегодня, 09:15</c> / <c>Вчера, 16:40</c> relative to <see cref="TestSiteCatalog.ReferenceNow"/>;
    /// older dates fall back to <see cref="DayMonthYearTime"/>.
    /// </summary>
    Relative,
}
