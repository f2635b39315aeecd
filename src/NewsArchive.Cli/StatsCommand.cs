using System.CommandLine;
using System.Globalization;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

/// <summary>`stats`: articles per site and per day, date coverage and extraction health per site.</summary>
public static class StatsCommand
{
    private const int BarWidth = 40;

    public static Command Create(CliContext context)
    {
        var filters = new QueryOptions();
        var days = new Option<int>("--days") { Description = "Show the last N days of the per-day counts (default 30; JSON has every day)", DefaultValueFactory = _ => 30, HelpName = "N" };
        var format = CommonOptions.Format("table", "table", "json");
        var command = new Command("stats", "Articles per site and per day, date coverage, and the share with body, date and counters per site") { days, format };
        filters.AddTo(command);
        command.SetAction(result =>
        {
            var dayCount = result.GetValue(days);
            if (dayCount < 1)
            {
                throw new UsageException($"--days must be a positive number, not {dayCount}");
            }
            using var store = CommonOptions.OpenStore(result, context, readOnly: true);
            var stats = store.GetStats(filters.Build(result));
            if (result.GetValue(format) == "json")
            {
                WriteJson(context.Out, stats);
                return ExitCodes.Ok;
            }
            WriteTables(context, stats, dayCount);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTables(CliContext context, ArchiveStats stats, int dayCount)
    {
        var output = context.Out;
        OutputFormatter.WriteTable(output, ["SITE", "ARTICLES", "BODY", "DATE", "COUNTERS", "FIRST", "LAST"], stats.Sites.Select(s => new[]
        {
            s.Site,
            s.Articles.ToString(CultureInfo.InvariantCulture),
            Share(s.WithBody, s.Articles),
            Share(s.WithDate, s.Articles),
            Share(s.WithCounters, s.Articles),
            Day(s.FirstDay),
            Day(s.LastDay),
        }), context.IsTerminal);
        output.WriteLine();
        if (stats.FirstDay is { } first && stats.LastDay is { } last)
        {
            output.WriteLine($"Dates: {Day(first)} to {Day(last)}, {stats.SpanDays} days, {stats.Days.Count} with articles, {stats.DaysWithoutArticles} without; {stats.Undated} of {stats.Articles} articles undated");
        }
        else
        {
            output.WriteLine($"Dates: none; {stats.Undated} of {stats.Articles} articles undated");
        }
        if (stats.Days.Count == 0)
        {
            return;
        }
        output.WriteLine();
        // The last N calendar days of the span, days without articles included: gaps are what coverage is about.
        var byDay = stats.Days.ToDictionary(d => d.Day, d => d.Articles);
        var end = stats.LastDay!.Value;
        var start = DateOnly.FromDayNumber(Math.Max(stats.FirstDay!.Value.DayNumber, end.DayNumber - dayCount + 1));
        var max = Math.Max(1, stats.Days.Where(d => d.Day >= start).Max(d => d.Articles));
        var rows = new List<string[]>();
        for (var day = start; day <= end; day = day.AddDays(1))
        {
            var count = byDay.GetValueOrDefault(day);
            var row = new List<string> { Day(day), count.ToString(CultureInfo.InvariantCulture) };
            if (context.IsTerminal)
            {
                row.Add(new string('█', (int)Math.Ceiling(count * (double)BarWidth / max)));
            }
            rows.Add([.. row]);
        }
        OutputFormatter.WriteTable(output, context.IsTerminal ? ["DAY", "ARTICLES", ""] : ["DAY", "ARTICLES"], rows, context.IsTerminal);
    }

    private static void WriteJson(TextWriter output, ArchiveStats stats)
    {
        foreach (var site in stats.Sites)
        {
            OutputFormatter.WriteJsonLine(output, json =>
            {
                json.WriteStartObject();
                json.WriteString("site", site.Site);
                json.WriteNumber("articles", site.Articles);
                json.WriteNumber("with_body", site.WithBody);
                json.WriteNumber("with_date", site.WithDate);
                json.WriteNumber("with_counters", site.WithCounters);
                json.WriteString("first_day", site.FirstDay is { } f ? Day(f) : null);
                json.WriteString("last_day", site.LastDay is { } l ? Day(l) : null);
                json.WriteEndObject();
            });
        }
        foreach (var day in stats.Days)
        {
            OutputFormatter.WriteJsonLine(output, json =>
            {
                json.WriteStartObject();
                json.WriteString("day", Day(day.Day));
                json.WriteNumber("articles", day.Articles);
                json.WriteEndObject();
            });
        }
        OutputFormatter.WriteJsonLine(output, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("articles", stats.Articles);
            json.WriteNumber("undated", stats.Undated);
            json.WriteString("first_day", stats.FirstDay is { } f ? Day(f) : null);
            json.WriteString("last_day", stats.LastDay is { } l ? Day(l) : null);
            json.WriteNumber("days_with_articles", stats.Days.Count);
            json.WriteNumber("days_without_articles", stats.DaysWithoutArticles);
            json.WriteEndObject();
        });
    }

    private static string Share(int part, int whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
