using CsCheck;
using NewsArchive.Parsing;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Reliability.Properties;

public sealed class DateParserPropertyTests
{
    [Fact]
    public void Parse_GeneratedText_NeverThrowsNorReadsTheFuture() =>
        HangGuard.Sample(
            Gen.Select(DateGen.Text, DateGen.Now, DateGen.Zone),
            input => DateInvariants.Check(input.Item1, input.Item2, input.Item3),
            defaultIterations: 1500);

    [Fact]
    public void UrlDateParser_DatedPaths_NeverReadTheFuture() =>
        HangGuard.Sample(
            Gen.Select(UrlGen.Url, Gen.Int[0, 99_999_999], Gen.Int[0, 3], DateGen.Now, DateGen.Zone),
            input =>
            {
                var (url, digits, shape, now, zone) = input;
                var d = digits.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
                var path = shape switch
                {
                    0 => $"/{d[..4]}/{d[4..6]}/{d[6..]}/",
                    1 => $"/{d}/",
                    2 => $"/{d[6..]}-{d[4..6]}-{d[..4]}-slug/",
                    _ => $"/{d[..4]}/{d[4..6]}/",
                };
                if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    var dated = new Uri(uri, path + uri.Query);
                    DateInvariants.CheckDate(UrlDateParser.Parse(dated, now, zone).Date, now, dated.AbsoluteUri, "UrlDateParser");
                }
            },
            defaultIterations: 1500);

    [Fact]
    public void Parse_FutureDates_NeverMoreThanADayAhead() =>
        HangGuard.Sample(
            Gen.Select(DateGen.Now, Gen.Long[TimeSpan.TicksPerDay + TimeSpan.TicksPerSecond, TimeSpan.TicksPerDay * 800], Gen.Enum<DateFormat>(), DateGen.Zone),
            input =>
            {
                var (now, ahead, format, zone) = input;
                var text = DateGen.Render(now.AddTicks(ahead), format);
                DateInvariants.CheckDate(DateTextParser.Parse(text, now, zone), now, text, "Parse");
            },
            defaultIterations: 1000);

    [Fact]
    public void Parse_RenderedPastDate_ReadsBackTheSameDate() =>
        HangGuard.Sample(
            Gen.Select(DateGen.Now, DateGen.Zone, Gen.Enum<DateFormat>())
                .SelectMany(parts => DateGen.PastInstant(parts.Item1).Select(date => (Now: parts.Item1, Zone: parts.Item2, Format: parts.Item3, Date: date))),
            input =>
            {
                var text = DateGen.Render(input.Date, input.Format);
                var parsed = DateTextParser.Parse(text, input.Now, input.Zone);

                Assert.True(parsed is not null, $"nothing read from \"{text}\" (now {input.Now:O})");
                if (input.Format is DateFormat.Iso8601 or DateFormat.Rfc822)
                {
                    Assert.Equal(input.Date, parsed.Value);
                    Assert.Equal(input.Date.Offset, parsed.Value.Offset);
                }
                else if (input.Format is DateFormat.RussianGenitiveTime or DateFormat.NumericTime)
                {
                    // A time without a zone is a wall-clock time in the site's zone.
                    var clock = input.Date.DateTime;
                    Assert.Equal(clock.AddSeconds(-clock.Second), parsed.Value.DateTime);
                }
                else
                {
                    // A date alone is that day's midnight in the site's zone.
                    Assert.Equal(input.Date.Date, parsed.Value.Date);
                    Assert.Equal(TimeSpan.Zero, parsed.Value.TimeOfDay);
                }
            },
            defaultIterations: 2000);
}
