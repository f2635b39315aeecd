using System.Globalization;
using NewsArchive.Parsing;

namespace NewsArchive.Tests.Parsing;

public sealed class DateTextParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3));
    private static readonly TimeZoneInfo Moscow = SiteTimeZones.Default;

    [Theory]
    [InlineData("2026-03-11T12:30:00+03:00", "2026-03-11T12:30:00+03:00")]
    [InlineData("2026-03-11T09:30:00Z", "2026-03-11T09:30:00+00:00")]
    [InlineData("2026-03-11T12:30:00.123-05:00", "2026-03-11T12:30:00-05:00")]
    [InlineData("2026-03-11T12:30:00+0100", "2026-03-11T12:30:00+01:00")]
    [InlineData("2026-03-11T12:30:00", "2026-03-11T12:30:00+03:00")]
    [InlineData("2026-03-11T12:30", "2026-03-11T12:30:00+03:00")]
    [InlineData("2026-03-11 12:30", "2026-03-11T12:30:00+03:00")]
    [InlineData("2026-03-11", "2026-03-11T00:00:00+03:00")]
    [InlineData("2026/03/11", "2026-03-11T00:00:00+03:00")]
    [InlineData("Wed, 11 Mar 2026 12:30:00 +0300", "2026-03-11T12:30:00+03:00")]
    [InlineData("Wed, 11 Mar 2026 09:30:00 GMT", "2026-03-11T09:30:00+00:00")]
    [InlineData("Wed, 11 Mar 2026 12:30:00 MSK", "2026-03-11T12:30:00+03:00")]
    [InlineData("Wed, 11 Mar 2026 04:30:00 EST", "2026-03-11T04:30:00-05:00")]
    [InlineData("11.03.2026", "2026-03-11T00:00:00+03:00")]
    [InlineData("11.03.2026 12:30", "2026-03-11T12:30:00+03:00")]
    [InlineData("11.03.26", "2026-03-11T00:00:00+03:00")]
    [InlineData("11/03/2026", "2026-03-11T00:00:00+03:00")]
    [InlineData("11 марта 2026", "2026-03-11T00:00:00+03:00")]
    [InlineData("11 марта 2026 г.", "2026-03-11T00:00:00+03:00")]
    [InlineData("11 марта 2026 года", "2026-03-11T00:00:00+03:00")]
    [InlineData("11 марта 2026, 12:30", "2026-03-11T12:30:00+03:00")]
    [InlineData("11 марта 2026 в 12:30", "2026-03-11T12:30:00+03:00")]
    [InlineData("11 марта 2026 года в 12:30", "2026-03-11T12:30:00+03:00")]
    [InlineData("12:30, 11 марта 2026", "2026-03-11T12:30:00+03:00")]
    [InlineData("12:30 11.03.2026", "2026-03-11T12:30:00+03:00")]
    [InlineData("11 марта", "2026-03-11T00:00:00+03:00")]
    [InlineData("11 марта, 12:30", "2026-03-11T12:30:00+03:00")]
    [InlineData("11 мар 2026", "2026-03-11T00:00:00+03:00")]
    [InlineData("11 мар. 2026", "2026-03-11T00:00:00+03:00")]
    [InlineData("11 МАРТА 2026", "2026-03-11T00:00:00+03:00")]
    [InlineData("11 Март 2026", "2026-03-11T00:00:00+03:00")]
    [InlineData("1 сентября 2025", "2025-09-01T00:00:00+03:00")]
    [InlineData("Mar 11, 2026", "2026-03-11T00:00:00+03:00")]
    [InlineData("March 11, 2026", "2026-03-11T00:00:00+03:00")]
    [InlineData("March 11th, 2026 at 6:05 pm", "2026-03-11T18:05:00+03:00")]
    [InlineData("11 March 2026", "2026-03-11T00:00:00+03:00")]
    [InlineData("11 Mar 2026", "2026-03-11T00:00:00+03:00")]
    [InlineData("11. März 2026", "2026-03-11T00:00:00+03:00")]
    [InlineData("11. März 2026 um 12:30 Uhr", "2026-03-11T12:30:00+03:00")]
    [InlineData("11 березня 2026", "2026-03-11T00:00:00+03:00")]
    [InlineData("Опубликовано: 11.03.2026 | 12:30", "2026-03-11T12:30:00+03:00")]
    [InlineData("Опубликовано 11 марта 2026", "2026-03-11T00:00:00+03:00")]
    public void Parse_SupportedFormat_ReturnsDate(string text, string expected)
    {
        Assert.Equal(expected, Format(DateTextParser.Parse(text, Now, Moscow)));
    }

    [Theory]
    [InlineData("января", 1)]
    [InlineData("февраля", 2)]
    [InlineData("мая", 5)]
    [InlineData("июня", 6)]
    [InlineData("июля", 7)]
    [InlineData("августа", 8)]
    [InlineData("сентября", 9)]
    [InlineData("октября", 10)]
    [InlineData("ноября", 11)]
    [InlineData("декабря", 12)]
    [InlineData("апреля", 4)]
    [InlineData("Февраль", 2)]
    [InlineData("ДЕКАБРЬ", 12)]
    [InlineData("січня", 1)]
    [InlineData("лютого", 2)]
    [InlineData("березня", 3)]
    [InlineData("квітня", 4)]
    [InlineData("травня", 5)]
    [InlineData("червня", 6)]
    [InlineData("липня", 7)]
    [InlineData("серпня", 8)]
    [InlineData("вересня", 9)]
    [InlineData("жовтня", 10)]
    [InlineData("листопада", 11)]
    [InlineData("грудня", 12)]
    public void Parse_MonthName_ReadsMonth(string month, int expected)
    {
        var parsed = DateTextParser.Parse($"5 {month} 2024", Now, Moscow);

        Assert.Equal(new DateTime(2024, expected, 5), parsed?.DateTime);
    }

    [Fact]
    public void Parse_YoInPlaceOfYe_ReadsSameWord()
    {
        // No Russian month has ё, but texts fold ё/е freely, so the folding must not break a match.
        Assert.Equal(
            DateTextParser.Parse("вчера в 18:05", Now, Moscow),
            DateTextParser.Parse("вчёра в 18:05", Now, Moscow));
    }

    [Theory]
    [InlineData("сегодня, 12:30", "2026-03-12T12:30:00+03:00")]
    [InlineData("сегодня в 09:15", "2026-03-12T09:15:00+03:00")]
    [InlineData("Сегодня", "2026-03-12T00:00:00+03:00")]
    [InlineData("вчера", "2026-03-11T00:00:00+03:00")]
    [InlineData("Вчера в 18:05", "2026-03-11T18:05:00+03:00")]
    [InlineData("позавчера", "2026-03-10T00:00:00+03:00")]
    [InlineData("2 часа назад", "2026-03-12T08:00:00+03:00")]
    [InlineData("5 минут назад", "2026-03-12T09:55:00+03:00")]
    [InlineData("час назад", "2026-03-12T09:00:00+03:00")]
    [InlineData("3 дня назад", "2026-03-09T00:00:00+03:00")]
    [InlineData("неделю назад", "2026-03-05T00:00:00+03:00")]
    [InlineData("2 hours ago", "2026-03-12T08:00:00+03:00")]
    [InlineData("vor 2 Stunden", "2026-03-12T08:00:00+03:00")]
    [InlineData("Heute, 08:00", "2026-03-12T08:00:00+03:00")]
    public void Parse_RelativeDate_UsesNowInSiteZone(string text, string expected)
    {
        Assert.Equal(expected, Format(DateTextParser.Parse(text, Now, Moscow)));
    }

    [Fact]
    public void Parse_RelativeDateWithNowInUtc_ConvertsNowToSiteZone()
    {
        // 22:30 UTC on the 11th is already the 12th in Moscow.
        var utcNow = new DateTimeOffset(2026, 3, 11, 22, 30, 0, TimeSpan.Zero);

        Assert.Equal("2026-03-11T00:00:00+03:00", Format(DateTextParser.Parse("вчера", utcNow, Moscow)));
    }

    [Fact]
    public void Parse_DayMonthWithoutYearInJanuary_RollsBackToLastYear()
    {
        var january = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.FromHours(3));

        Assert.Equal("2025-12-11T00:00:00+03:00", Format(DateTextParser.Parse("11 декабря", january, Moscow)));
    }

    [Fact]
    public void Parse_DayMonthWithoutYearTomorrow_KeepsThisYear()
    {
        Assert.Equal("2026-03-13T00:00:00+03:00", Format(DateTextParser.Parse("13 марта", Now, Moscow)));
    }

    [Theory]
    [InlineData("03/11/2026", "2026-11-03T00:00:00+03:00")]
    [InlineData("03/25/2025", "2025-03-25T00:00:00+03:00")]
    public void Parse_SlashDate_IsDayFirstUnlessMonthWouldExceedTwelve(string text, string expected)
    {
        var later = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(3));

        Assert.Equal(expected, Format(DateTextParser.Parse(text, later, Moscow)));
    }

    [Theory]
    [InlineData("15.03.2026")]
    [InlineData("2027-01-01")]
    [InlineData("14 марта 2026 в 12:00")]
    public void Parse_MoreThanOneDayAfterNow_ReturnsNull(string text)
    {
        Assert.Null(DateTextParser.Parse(text, Now, Moscow));
    }

    [Theory]
    [InlineData("11.03.1994")]
    [InlineData("1990-05-01")]
    [InlineData("11 марта 1812 года")]
    public void Parse_YearBefore1995_ReturnsNull(string text)
    {
        Assert.Null(DateTextParser.Parse(text, Now, Moscow));
    }

    [Theory]
    [InlineData("31.02.2026")]
    [InlineData("2026-02-30")]
    [InlineData("32 марта 2026")]
    [InlineData("29.02.2025")]
    [InlineData("2026-13-01")]
    public void Parse_InvalidDay_ReturnsNull(string text)
    {
        Assert.Null(DateTextParser.Parse(text, Now, Moscow));
    }

    [Theory]
    [InlineData("март 2026")]
    [InlineData("20260311")]
    [InlineData("версия 1.10.11.12")]
    [InlineData("6201 просмотр")]
    [InlineData("© 2026 Все права защищены")]
    [InlineData("Today we announce a new model")]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_NoDate_ReturnsNull(string text)
    {
        Assert.Null(DateTextParser.Parse(text, Now, Moscow));
    }

    [Fact]
    public void Parse_Null_ReturnsNull()
    {
        Assert.Null(DateTextParser.Parse(null, Now, Moscow));
    }

    [Fact]
    public void FindInText_HeaderLine_FindsDate()
    {
        var text = "Автор: Иван Петров · 11 марта 2026, 12:30 · 6201 просмотр";

        Assert.Equal("2026-03-11T12:30:00+03:00", Format(DateTextParser.FindInText(text, Now, Moscow)));
    }

    [Fact]
    public void FindInText_InvalidCandidateFirst_SkipsToValidOne()
    {
        var text = "Выпуск 31.02.2026, обновлено 10.03.2026";

        Assert.Equal("2026-03-10T00:00:00+03:00", Format(DateTextParser.FindInText(text, Now, Moscow)));
    }

    [Fact]
    public void FindInText_HostileLongInput_Finishes()
    {
        var hostile = string.Concat(Enumerable.Repeat("11.11.11.11 1 марта 1: 12:3 -+ 2026-1 vor ", 20_000)) + "11.03.2026";

        var found = DateTextParser.FindInText(hostile, Now, Moscow);
        var cut = DateTextParser.Parse(new string('1', 100_000), Now, Moscow);

        Assert.Equal("2026-03-01T00:00:00+03:00", Format(found));
        Assert.Null(cut);
    }

    [Fact]
    public void FindInText_DigitsWithoutSeparators_Finishes()
    {
        var digits = new string('9', DateTextParser.MaxTextLength * 2);

        Assert.Null(DateTextParser.FindInText(digits, Now, Moscow));
    }

    [Fact]
    public void Find_UnknownZone_ReturnsDefault()
    {
        Assert.Same(SiteTimeZones.Default, SiteTimeZones.Find("Nowhere/Atlantis"));
        Assert.Equal(TimeSpan.FromHours(3), SiteTimeZones.Default.GetUtcOffset(new DateTime(2026, 3, 11)));
    }

    private static string? Format(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
