using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

/// <summary><c>runs</c> lists past fetch runs with their counts; <c>runs show ID</c> adds the failed URLs and why.</summary>
public static class RunsCommand
{
    public static Command Create(CliContext context)
    {
        var format = CommonOptions.Format("table", "table", "json");
        var limit = CommonOptions.Limit();
        var runs = new Command("runs", "List past fetch runs: when, how long, what they stored and what failed") { format, limit };
        runs.SetAction(result =>
        {
            var max = result.GetValue(limit);
            if (max is < 1)
            {
                throw new UsageException($"--limit must be a positive number, not {max}");
            }
            using var store = CommonOptions.OpenStore(result, context, readOnly: true);
            var all = store.ListRuns(max ?? (context.IsTerminal ? 20 : null));
            if (result.GetValue(format) == "json")
            {
                foreach (var run in all)
                {
                    OutputFormatter.WriteJsonLine(context.Out, json => WriteRun(json, run, withFailures: false));
                }
                return ExitCodes.Ok;
            }
            OutputFormatter.WriteTable(context.Out, ["ID", "STARTED", "DURATION", "STATUS", "SITES", "FOUND", "FETCHED", "STORED", "FAILED"],
                all.Select(r => new[]
                {
                    Number(r.Id), OutputFormatter.Date(r.StartedAt.ToLocalTime()), r.Duration is { } d ? FormatDuration(d) : "", r.Status,
                    Number(r.Sites.Count), Number(r.Discovered), Number(r.Fetched), Number(r.Stored), Number(r.Failed),
                }),
                context.IsTerminal);
            return ExitCodes.Ok;
        });

        var id = new Argument<long>("ID") { Description = "The run's id as 'runs' shows it" };
        var showFormat = CommonOptions.Format("table", "table", "json");
        var show = new Command("show", "Show one run: per-site counts, warnings, and every failed URL with its reason") { id, showFormat };
        show.SetAction(result =>
        {
            using var store = CommonOptions.OpenStore(result, context, readOnly: true);
            var runId = result.GetValue(id);
            var run = store.GetRun(runId) ?? throw new UsageException($"no run {runId} (see 'newsarchive runs')");
            if (result.GetValue(showFormat) == "json")
            {
                OutputFormatter.WriteJsonLine(context.Out, json => WriteRun(json, run, withFailures: true));
                return ExitCodes.Ok;
            }
            var output = context.Out;
            output.WriteLine($"run {run.Id}: {run.Status}, started {OutputFormatter.Date(run.StartedAt.ToLocalTime())}"
                + (run.Duration is { } duration ? $", took {FormatDuration(duration)}" : ""));
            foreach (var site in run.Sites)
            {
                output.WriteLine($"{site.Site}: {site.Stored} stored, {site.Failed} failed, {site.Skipped} skipped, {site.Discovered} new URLs found, "
                    + $"{site.Revisited} revisited, {site.Unchanged} unchanged, {site.Fetched} pages fetched");
                if (site.Error is { } error)
                {
                    output.WriteLine($"  error: {error}");
                }
                foreach (var warning in site.Warnings)
                {
                    output.WriteLine($"  warning: {warning}");
                }
                foreach (var failure in site.Failures)
                {
                    output.WriteLine($"  failed {failure.Url}: {failure.Reason}");
                }
            }
            return ExitCodes.Ok;
        });
        runs.Add(show);
        return runs;
    }

    public static string FormatDuration(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:00}m")
        : span.TotalMinutes >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes}m {span.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, span.TotalSeconds):0.#}s");

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void WriteRun(Utf8JsonWriter json, RunRecord run, bool withFailures)
    {
        json.WriteStartObject();
        json.WriteNumber("id", run.Id);
        json.WriteString("started", StoredTime.Format(run.StartedAt));
        json.WriteString("ended", StoredTime.Format(run.EndedAt));
        if (run.Duration is { } duration)
        {
            json.WriteNumber("seconds", Math.Round(duration.TotalSeconds, 1));
        }
        else
        {
            json.WriteNull("seconds");
        }
        json.WriteString("status", run.Status);
        json.WriteNumber("discovered", run.Discovered);
        json.WriteNumber("fetched", run.Fetched);
        json.WriteNumber("stored", run.Stored);
        json.WriteNumber("failed", run.Failed);
        json.WriteStartArray("sites");
        foreach (var site in run.Sites)
        {
            json.WriteStartObject();
            json.WriteString("site", site.Site);
            json.WriteNumber("discovered", site.Discovered);
            json.WriteNumber("fetched", site.Fetched);
            json.WriteNumber("stored", site.Stored);
            json.WriteNumber("revisited", site.Revisited);
            json.WriteNumber("unchanged", site.Unchanged);
            json.WriteNumber("skipped", site.Skipped);
            json.WriteNumber("failed", site.Failed);
            json.WriteNumber("undated", site.Undated);
            json.WriteString("error", site.Error);
            json.WriteStartArray("warnings");
            foreach (var warning in site.Warnings)
            {
                json.WriteStringValue(warning);
            }
            json.WriteEndArray();
            if (withFailures)
            {
                json.WriteStartArray("failures");
                foreach (var failure in site.Failures)
                {
                    json.WriteStartObject();
                    json.WriteString("url", failure.Url);
                    json.WriteString("reason", failure.Reason);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
