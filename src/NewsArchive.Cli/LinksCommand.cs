using System.CommandLine;
using System.Globalization;
using NewsArchive.Export;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

public static class LinksCommand
{
    private static readonly string[] KnownKinds = ["related", "sidebar", "body", "listing", "tag"];

    public static Option<string[]> KindOption() =>
        new("--kind") { Description = "related, sidebar, body, listing, tag (repeatable)", HelpName = "KIND" };

    public static IReadOnlyList<string> ValidateKinds(string[]? kinds)
    {
        foreach (var kind in kinds ?? [])
        {
            if (!KnownKinds.Contains(kind, StringComparer.OrdinalIgnoreCase))
            {
                throw new UsageException($"--kind: unknown link kind '{kind}' (use {string.Join(", ", KnownKinds)})");
            }
        }
        return kinds ?? [];
    }

    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("ID|URL") { Description = "An article's id or URL" };
        var direction = new Option<string>("--direction") { Description = "out, in or both", DefaultValueFactory = _ => "out", HelpName = "DIR" };
        direction.AcceptOnlyFromAmong("out", "in", "both");
        var kinds = KindOption();
        var depth = new Option<int>("--depth") { Description = "Follow links N steps through stored articles (related links only unless --kind)", DefaultValueFactory = _ => 1, HelpName = "N" };
        var format = CommonOptions.Format("table", "table", "json", "csv");
        var filters = new QueryOptions();
        var command = new Command("links", "Links from and to an article in the link graph") { target, direction, kinds, depth, format };
        filters.AddTo(command);
        command.SetAction(result =>
        {
            var kindList = ValidateKinds(result.GetValue(kinds));
            // The filters select the article at the other end of each link.
            var filter = filters.Build(result);
            var steps = result.GetValue(depth);
            if (steps is < 1 or > 10)
            {
                throw new UsageException($"--depth must be between 1 and 10, not {steps}");
            }
            using var store = CommonOptions.OpenStore(result, context, readOnly: true);
            var article = ShowCommand.FindOrThrow(store, result.GetValue(target)!);
            var dir = result.GetValue(direction) switch { "in" => LinkDirection.In, "both" => LinkDirection.Both, _ => LinkDirection.Out };
            if (steps == 1)
            {
                WriteLinks(context, result.GetValue(format), store.GetLinks(article.Id, dir, kindList, filter));
                return ExitCodes.Ok;
            }
            // Deeper walks follow the story ("Новости по теме"); site-wide lists would reach the whole site.
            var walk = store.WalkLinks(article.Id, dir, kindList.Count > 0 ? kindList : ["related"], steps, filter);
            WriteWalk(context, result.GetValue(format), walk);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteLinks(CliContext context, string? format, IReadOnlyList<StoredLink> links)
    {
        switch (format)
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
                    l.ArticleId?.ToString(CultureInfo.InvariantCulture) ?? "",
                    l.Title ?? "",
                    l.Url,
                }), context.IsTerminal);
                break;
        }
    }

    private static void WriteWalk(CliContext context, string? format, IReadOnlyList<LinkStep> walk)
    {
        switch (format)
        {
            case "json":
                foreach (var step in walk)
                {
                    OutputFormatter.WriteLinkJson(context.Out, step.Link, step.Depth, step.FromId);
                }
                break;
            case "csv":
                CsvLinkWriter.Write(context.Out, walk.Select(s => s.Link), walk.Select(s => (s.Depth, s.FromId)).ToList());
                break;
            default:
                OutputFormatter.WriteTable(context.Out, ["DEPTH", "FROM", "DIR", "KIND", "PUBLISHED", "ID", "TITLE", "URL"], walk.Select(s => new[]
                {
                    s.Depth.ToString(CultureInfo.InvariantCulture),
                    s.FromId.ToString(CultureInfo.InvariantCulture),
                    s.Link.Direction == LinkDirection.In ? "in" : "out",
                    s.Link.Kind,
                    OutputFormatter.Date(s.Link.Published),
                    s.Link.ArticleId?.ToString(CultureInfo.InvariantCulture) ?? "",
                    s.Link.Title ?? "",
                    s.Link.Url,
                }), context.IsTerminal);
                break;
        }
    }
}
