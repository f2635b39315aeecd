using System.Globalization;
using NewsArchive.Storage;

namespace NewsArchive.Tests.Storage;

public sealed class StoredTimeTests
{
    [Theory]
    [InlineData("2026-03-12T10:00:00+03:00")]
    [InlineData("2026-03-12T07:00:00+00:00")]
    [InlineData("2019-12-31T23:59:59-05:30")]
    [InlineData("2024-02-29T00:00:00+14:00")]
    [InlineData("0001-01-01T00:00:00+00:00")]
    public void Parse_WrittenForm_IsWhatTheFrameworkReads(string text)
    {
        var expected = DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
        var parsed = StoredTime.Parse(text);
        Assert.Equal(expected, parsed);
        Assert.Equal(expected.Offset, parsed!.Value.Offset);
        Assert.Equal(text, StoredTime.Format(parsed.Value));
    }

    [Theory]
    [InlineData("2026-03-12")]
    [InlineData("2026-03-12T10:00:00Z")]
    [InlineData("2026-03-12T10:00:00.5+03:00")]
    [InlineData("2026-03-12 10:00:00+03:00")]
    public void Parse_OtherIsoForms_FallBackToTheFrameworkParser(string text) =>
        Assert.Equal(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture), StoredTime.Parse(text));

    [Theory]
    [InlineData("2026-02-30T10:00:00+03:00")]
    [InlineData("2026-13-01T10:00:00+03:00")]
    [InlineData("2026-03-12T24:00:00+03:00")]
    [InlineData("not a time")]
    [InlineData(null)]
    public void Parse_Invalid_IsNull(string? text) => Assert.Null(StoredTime.Parse(text));
}
