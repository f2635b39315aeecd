using System.CommandLine;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

/// <summary>`history`: every version of an edited article, with a word-level diff between consecutive ones.</summary>
public static class HistoryCommand
{
    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("ID|URL") { Description = "An article's id or URL" };
        var format = CommonOptions.Format("table", "table", "json");
        var command = new Command("history", "Versions of an article that the site edited, with what changed") { target, format };
        command.SetAction(result =>
        {
            using var store = CommonOptions.OpenStore(result, context, readOnly: true);
            var article = ShowCommand.FindOrThrow(store, result.GetValue(target)!);
            var versions = store.GetVersions(article.Id);
            if (result.GetValue(format) == "json")
            {
                foreach (var version in versions)
                {
                    OutputFormatter.WriteJsonLine(context.Out, json =>
                    {
                        json.WriteStartObject();
                        json.WriteNumber("version", version.Number);
                        json.WriteString("time", StoredTime.Format(version.SeenFrom));
                        json.WriteString("replaced", StoredTime.Format(version.SeenUntil));
                        json.WriteString("title", version.Title);
                        json.WriteString("lead", version.Lead);
                        json.WriteString("body", version.Body);
                        json.WriteEndObject();
                    });
                }
                return ExitCodes.Ok;
            }
            var output = context.Out;
            output.WriteLine($"{article.Title}  [{article.Id}]  {article.Url}");
            output.WriteLine(versions.Count == 1 ? "1 version: the text has not changed since it was first stored." : $"{versions.Count} versions");
            for (var i = 0; i < versions.Count; i++)
            {
                var version = versions[i];
                output.WriteLine();
                var until = version.SeenUntil is { } u ? $" until {OutputFormatter.Date(u)}" : " (current)";
                output.WriteLine($"Version {version.Number}: seen from {OutputFormatter.Date(version.SeenFrom)}{until}");
                if (i == 0)
                {
                    output.WriteLine($"  Title: {version.Title}");
                    output.WriteLine($"  Body:  {version.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length} words");
                    continue;
                }
                var previous = versions[i - 1];
                var title = WordDiff.Compute(previous.Title, version.Title);
                output.WriteLine(WordDiff.HasChanges(title) ? $"  Title: {WordDiff.Render(title, context: 100)}" : $"  Title: {version.Title} (unchanged)");
                var body = WordDiff.Compute(previous.Body, version.Body);
                output.WriteLine(WordDiff.HasChanges(body) ? $"  Body:  {WordDiff.Render(body)}" : "  Body:  (unchanged)");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
