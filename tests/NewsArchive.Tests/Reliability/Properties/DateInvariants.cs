using NewsArchive.Parsing;
using Xunit.Sdk;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>What must hold for any text the date parsers are given; shared by the properties and the corpus.</summary>
internal static class DateInvariants
{
    public static void Check(string text, DateTimeOffset now, TimeZoneInfo zone)
    {
        CheckDate(DateTextParser.Parse(text, now, zone), now, text, "Parse");
        CheckDate(DateTextParser.FindInText(text, now, zone), now, text, "FindInText");

        // The same text as a URL path, the way /2026/03/11/ or /11-03-2026/ dates are read.
        var url = new Uri("https://abreview.ru/" + Uri.EscapeDataString(text).Replace("%2F", "/", StringComparison.OrdinalIgnoreCase));
        CheckDate(UrlDateParser.Parse(url, now, zone).Date, now, url.AbsolutePath, "UrlDateParser");
    }

    public static void CheckDate(DateTimeOffset? date, DateTimeOffset now, string input, string reader)
    {
        if (date is { } value && (value > now.AddDays(1) || value.Year < 1995))
        {
            throw new XunitException($"{reader} read {value:O} from {HangGuard.Describe(input)}: more than a day after now ({now:O}) or before 1995");
        }
    }
}
