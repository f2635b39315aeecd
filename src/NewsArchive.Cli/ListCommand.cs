using System.CommandLine;
using NewsArchive.Export;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

/// <summary>`list` and `search`: the same filters and formats, search adds an FTS5 query and snippets.</summary>
public static class ListCommand
{
    public static Command CreateList(CliContext context) => Create(context, search: false);

    public static Command CreateSearch(CliContext context) => Create(context, search: true);

    private static Command Create(CliContext context, bool search)
    {
        var query = new Argument<string>("QUERY") { Description = "Words, \"a phrase\", prefix*, AND/OR/NOT" };
        var sites = CommonOptions.Sites();
        var from = CommonOptions.From();
        var to = CommonOptions.To();
        var limit = CommonOptions.Limit();
        var format = CommonOptions.Format("table", "table", "json", "csv");
        var command = search
            ? new Command("search", "Full-text search of stored articles") { query, sites, from, to, limit, format }
            : new Command("list", "List stored articles, newest first") { sites, from, to, limit, format };

        command.SetAction(result =>
        {
            var text = search ? result.GetValue(query) : null;
            if (search && string.IsNullOrWhiteSpace(text))
            {
                throw new UsageException("the search query is empty");
            }
            var filter = CommonOptions.BuildQuery(result, sites, from, to, limit, text, includeBody: false);
            if (!search && filter.Limit is null && context.IsTerminal)
            {
                filter = filter with { Limit = 50 };
            }
            using var store = CommonOptions.OpenStore(result, context, readOnly: true);
            var articles = store.QueryArticles(filter);
            switch (result.GetValue(format))
            {
                case "json":
                    foreach (var article in articles)
                    {
                        OutputFormatter.WriteArticleJson(context.Out, article);
                    }
                    break;
                case "csv":
                    CsvArticleWriter.Write(context.Out, articles, CsvArticleWriter.ListColumns);
                    break;
                default:
                    var headers = search ? new[] { "ID", "PUBLISHED", "SITE", "TITLE / MATCH" } : ["ID", "PUBLISHED", "SITE", "TITLE"];
                    OutputFormatter.WriteTable(context.Out, headers, articles.Select(a => new[]
                    {
                        a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        OutputFormatter.Date(a.Published),
                        a.Site ?? "",
                        search && a.Snippet is not null ? $"{a.Title} — {a.Snippet}" : a.Title ?? "",
                    }), context.IsTerminal);
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
