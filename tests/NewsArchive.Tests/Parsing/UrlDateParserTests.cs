using System.Globalization;
using NewsArchive.Parsing;

namespace NewsArchive.Tests.Parsing;

public sealed class UrlDateParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3));

    [Theory]
    [InlineData("https://a.example/2026/03/11/slug/", "2026-03-11", false)]
    [InlineData("https://a.example/news/2026-03-11-slug", "2026-03-11", false)]
    [InlineData("https://a.example/news/20260311/slug", "2026-03-11", false)]
    [InlineData("https://a.example/meldungen/11-03-2026", "2026-03-11", false)]
    [InlineData("https://a.example/2026/3/1/slug", "2026-03-01", false)]
    [InlineData("https://a.example/2026/03/slug.html", "2026-03-01", true)]
    public void Parse_DatedPath_ReadsDate(string url, string expected, bool monthOnly)
    {
        var (date, isMonthOnly) = UrlDateParser.Parse(new Uri(url), Now, SiteTimeZones.Default);

        Assert.Equal(expected, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(monthOnly, isMonthOnly);
    }

    [Theory]
    [InlineData("https://a.example/news/16604622.html")]
    [InlineData("https://a.example/2019/43/slug")]
    [InlineData("https://a.example/2030/01/01/slug")]
    [InlineData("https://a.example/v2026/03/11/")]
    [InlineData("https://a.example/about")]
    public void Parse_NoDateInPath_ReturnsNull(string url)
    {
        Assert.Null(UrlDateParser.Parse(new Uri(url), Now, SiteTimeZones.Default).Date);
    }
}
