using System.CommandLine;
using System.Globalization;
using NewsArchive.Crawling;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

/// <summary>`reparse`: the current parser over the stored source bytes; prints what changed.</summary>
public static class ReparseCommand
{
    public static Command Create(CliContext context)
    {
        var filters = new QueryOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Parse and compare; report what would change and write nothing" };
        var format = CommonOptions.Format("text", "text", "json");
        var command = new Command("reparse", "Re-run the current parser over the stored pages and update articles, links and the search index") { dryRun, format };
        filters.AddTo(command);
        command.SetAction(result =>
        {
            var filter = filters.Build(result);
            var dbPath = CommonOptions.ResolveDbPath(result, context);
            // Like fetch, a reparse writes: one at a time per archive, and never beside a fetch.
            using var runLock = ArchiveLock.Acquire(dbPath);
            using var store = ArchiveStore.Open(dbPath);
            var progressShown = false;
            var reparser = new Reparser(store, new ReparseOptions { DryRun = result.GetValue(dryRun) }, (level, message) =>
            {
                if (level == CrawlLogLevel.Warning)
                {
                    context.Error.WriteLine((progressShown ? "\n" : "") + message);
                    progressShown = false;
                }
            }, context.IsTerminal ? report =>
            {
                // One line rewritten in place on a terminal: a reparse of a large archive takes minutes.
                context.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\rreparse: {report.Articles} articles read, {report.Changed} changed, {report.Failed} failed"));
                progressShown = true;
            } : null);
            var report = reparser.Run(filter, context.Stop);
            if (progressShown)
            {
                context.Error.WriteLine();
            }
            if (result.GetValue(format) == "json")
            {
                WriteJson(context.Out, report);
            }
            else
            {
                WriteText(context.Out, report);
            }
            if (report.Cancelled)
            {
                context.Error.WriteLine("newsarchive: interrupted; every article counted above is done, and reparse can simply be run again");
                return ExitCodes.Interrupted;
            }
            return report.Failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteText(TextWriter output, ReparseReport report)
    {
        var changed = report.DryRun ? "would change" : "changed";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reparse{(report.DryRun ? " (dry run, nothing written)" : "")}: {report.Reparsed} articles re-parsed, {report.Changed} {changed} "
            + $"(title {report.TitlesChanged}, body {report.BodiesChanged}, dates {report.DatesChanged}, authors {report.AuthorsChanged}, links {report.LinksChanged}), "
            + $"{report.Unchanged} unchanged, {report.Failed} failed, {report.WithoutSource} without source bytes"));
        foreach (var failure in report.Failures.Take(20))
        {
            output.WriteLine($"  failed {failure.ArticleId} {failure.Url}: {failure.Reason}");
        }
        if (report.Failed > 20)
        {
            output.WriteLine($"  … and {report.Failed - 20} more failures");
        }
    }

    private static void WriteJson(TextWriter output, ReparseReport report) => OutputFormatter.WriteJsonLine(output, json =>
    {
        json.WriteStartObject();
        json.WriteBoolean("dry_run", report.DryRun);
        json.WriteBoolean("interrupted", report.Cancelled);
        json.WriteNumber("articles", report.Articles);
        json.WriteNumber("reparsed", report.Reparsed);
        json.WriteNumber("changed", report.Changed);
        json.WriteNumber("title_changed", report.TitlesChanged);
        json.WriteNumber("body_changed", report.BodiesChanged);
        json.WriteNumber("dates_changed", report.DatesChanged);
        json.WriteNumber("authors_changed", report.AuthorsChanged);
        json.WriteNumber("links_changed", report.LinksChanged);
        json.WriteNumber("unchanged", report.Unchanged);
        json.WriteNumber("failed", report.Failed);
        json.WriteNumber("without_source", report.WithoutSource);
        json.WriteStartArray("failures");
        foreach (var failure in report.Failures)
        {
            json.WriteStartObject();
            json.WriteNumber("id", failure.ArticleId);
            json.WriteString("url", failure.Url.AbsoluteUri);
            json.WriteString("reason", failure.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });
}
