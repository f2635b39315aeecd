using System.Text;
using NewsArchive.Fetching;

namespace NewsArchive.Tests.Fetching;

public sealed class FetchResultTests
{
    private static FetchResult Result(FetchOutcome outcome) => new()
    {
        RequestedUrl = new Uri("https://www.autostat.ru/news/1/"),
        FinalUrl = new Uri("https://www.autostat.ru/news/1/"),
        FetchedAt = new DateTimeOffset(2026, 3, 10, 12, 30, 0, TimeSpan.FromHours(3)),
        Outcome = outcome,
    };

    [Theory]
    [InlineData(FetchOutcome.Ok, true)]
    [InlineData(FetchOutcome.NotModified, true)]
    [InlineData(FetchOutcome.HttpError, false)]
    [InlineData(FetchOutcome.NetworkError, false)]
    [InlineData(FetchOutcome.Blocked, false)]
    [InlineData(FetchOutcome.TooLarge, false)]
    [InlineData(FetchOutcome.Skipped, false)]
    public void IsSuccess_ForOutcome_TrueOnlyWhenServerAnsweredWell(FetchOutcome outcome, bool expected)
    {
        Assert.Equal(expected, Result(outcome).IsSuccess);
    }

    [Fact]
    public void DecodeText_HeaderCharset_Used()
    {
        var body = CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes("Новости по теме");
        var result = Result(FetchOutcome.Ok) with { Body = body, ContentTypeHeader = "text/html; charset=windows-1251" };

        Assert.Equal("Новости по теме", result.DecodeText());
    }

    [Fact]
    public void DecodeText_NoBody_EmptyString()
    {
        Assert.Equal(string.Empty, Result(FetchOutcome.NotModified).DecodeText());
    }
}
