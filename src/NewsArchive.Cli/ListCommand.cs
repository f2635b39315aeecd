using System.CommandLine;
using NewsArchive.Export;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

/// <summary>`list` and `search`: the same filters and formats; search adds a stemmed full-text query and snippets.</summary>
public static class ListCommand
{
    public static Command CreateList(CliContext context) => Create(context, search: false);

    public static Command CreateSearch(CliContext context) => Create(context, search: true);

    private static Command Create(CliContext context, bool search)
    {
        var query = new Argument<string>("QUERY") { Description = "Words (any form: дилер finds дилеров), \"a phrase\", prefix*, AND/OR/NOT, (parentheses)" };
        var filters = search ? new QueryOptions("relevance", "date", "views") : new QueryOptions("date", "views");
        var limit = CommonOptions.Limit();
        var format = CommonOptions.Format("table", "table", "json", "csv");
        var command = search
            ? new Command("search", "Full-text search of stored articles, any word form, best match first") { query }
            : new Command("list", "List stored articles, newest first");
        filters.AddTo(command);
        command.Add(limit);
        command.Add(format);

        command.SetAction(result =>
        {
            var text = search ? result.GetValue(query) : null;
            if (search && string.IsNullOrWhiteSpace(text))
            {
                throw new UsageException("the search query is empty");
            }
            var filter = filters.Build(result, text, result.GetValue(limit));
            if (filter.Limit is null && context.IsTerminal)
            {
                filter = filter with { Limit = 50 };
            }
            using var store = CommonOptions.OpenStore(result, context, readOnly: true);
            if (search && store.ListsNewestInsteadOfRanking(filter))
            {
                context.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"newsarchive: more than {filter.RankedMatches:N0} articles match: the most recently archived come first, not the best matches (narrow with --site, --from/--to or more words to rank by relevance)"));
            }
            var articles = store.QueryArticles(filter);
            WriteArticles(context, result.GetValue(format), articles, search ? ArticleColumns.Search : ArticleColumns.Plain);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Articles as a table (or tab-separated), JSON Lines or CSV: what list, search and top print.</summary>
    public static void WriteArticles(CliContext context, string? format, IEnumerable<StoredArticle> articles, ArticleColumns columns)
    {
        switch (format)
        {
            case "json":
                foreach (var article in articles)
                {
                    OutputFormatter.WriteArticleJson(context.Out, article);
                }
                break;
            case "csv":
                CsvArticleWriter.Write(context.Out, articles, columns == ArticleColumns.Inlinks
                    ? [.. CsvArticleWriter.ListColumns, "inlinks"] : CsvArticleWriter.ListColumns);
                break;
            default:
                string[] headers = columns switch
                {
                    ArticleColumns.Search => ["ID", "PUBLISHED", "SITE", "TITLE / MATCH"],
                    ArticleColumns.Views => ["ID", "PUBLISHED", "SITE", "VIEWS", "TITLE"],
                    ArticleColumns.Inlinks => ["ID", "PUBLISHED", "SITE", "INLINKS", "TITLE"],
                    _ => ["ID", "PUBLISHED", "SITE", "TITLE"],
                };
                OutputFormatter.WriteTable(context.Out, headers, articles.Select(a =>
                {
                    var id = a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var published = OutputFormatter.Date(a.Published);
                    return columns switch
                    {
                        ArticleColumns.Search => [id, published, a.Site ?? "", a.Snippet is not null ? $"{a.Title} — {a.Snippet}" : a.Title ?? ""],
                        ArticleColumns.Views => [id, published, a.Site ?? "", a.Views?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", a.Title ?? ""],
                        ArticleColumns.Inlinks => [id, published, a.Site ?? "", a.Inlinks?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0", a.Title ?? ""],
                        _ => new[] { id, published, a.Site ?? "", a.Title ?? "" },
                    };
                }), context.IsTerminal);
                break;
        }
    }
}
