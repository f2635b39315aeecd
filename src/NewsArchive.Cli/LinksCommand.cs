using System.CommandLine;
using NewsArchive.Export;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

public static class LinksCommand
{
    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("ID|URL") { Description = "An article's id or URL" };
        var direction = new Option<string>("--direction") { Description = "out, in or both", DefaultValueFactory = _ => "out", HelpName = "DIR" };
        direction.AcceptOnlyFromAmong("out", "in", "both");
        var kinds = new Option<string[]>("--kind") { Description = "related, sidebar, body, listing, tag (repeatable)", HelpName = "KIND" };
        var format = CommonOptions.Format("table", "table", "json", "csv");
        var command = new Command("links", "Links from and to an article in the link graph") { target, direction, kinds, format };
        command.SetAction(result =>
        {
            string[] known = ["related", "sidebar", "body", "listing", "tag"];
            var kindList = result.GetValue(kinds) ?? [];
            foreach (var kind in kindList)
            {
                if (!known.Contains(kind, StringComparer.OrdinalIgnoreCase))
                {
                    throw new UsageException($"--kind: unknown link kind '{kind}' (use {string.Join(", ", known)})");
                }
            }
            using var store = CommonOptions.OpenStore(result, context, readOnly: true);
            var article = ShowCommand.FindOrThrow(store, result.GetValue(target)!);
            var dir = result.GetValue(direction) switch { "in" => LinkDirection.In, "both" => LinkDirection.Both, _ => LinkDirection.Out };
            var links = store.GetLinks(article.Id, dir, kindList);
            switch (result.GetValue(format))
            {
                case "json":
                    foreach (var link in links)
                    {
                        OutputFormatter.WriteLinkJson(context.Out, link);
                    }
                    break;
                case "csv":
                    CsvLinkWriter.Write(context.Out, links);
                    break;
                default:
                    OutputFormatter.WriteTable(context.Out, ["DIR", "KIND", "PUBLISHED", "ID", "TITLE", "URL"], links.Select(l => new[]
                    {
                        l.Direction == LinkDirection.In ? "in" : "out",
                        l.Kind,
                        OutputFormatter.Date(l.Published),
                        l.ArticleId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                        l.Title ?? "",
                        l.Url,
                    }), context.IsTerminal);
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
