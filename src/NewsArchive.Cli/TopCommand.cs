using System.CommandLine;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

/// <summary>`top`: the most linked-to or most read articles over the filters.</summary>
public static class TopCommand
{
    public static Command Create(CliContext context)
    {
        var by = new Option<string>("--by") { Description = "inlinks (related-news and in-text links from other articles) or views", DefaultValueFactory = _ => "inlinks", HelpName = "WHAT" };
        by.AcceptOnlyFromAmong("inlinks", "views");
        var filters = new QueryOptions();
        var limit = CommonOptions.Limit();
        var format = CommonOptions.Format("table", "table", "json", "csv");
        var command = new Command("top", "Rank articles by inlinks or views") { by };
        filters.AddTo(command);
        command.Add(limit);
        command.Add(format);
        command.SetAction(result =>
        {
            var byViews = result.GetValue(by) == "views";
            var filter = filters.Build(result, limit: result.GetValue(limit) ?? 20) with
            {
                Sort = byViews ? ArticleSort.Views : ArticleSort.Inlinks,
                IncludeInlinks = true,
            };
            using var store = CommonOptions.OpenStore(result, context, readOnly: true);
            var articles = store.QueryArticles(filter);
            if (byViews)
            {
                articles = articles.Where(a => a.Views is not null);
            }
            ListCommand.WriteArticles(context, result.GetValue(format), articles, byViews ? ArticleColumns.Views : ArticleColumns.Inlinks);
            return ExitCodes.Ok;
        });
        return command;
    }
}
