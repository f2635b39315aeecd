using System.CommandLine;

namespace NewsArchive.Cli;

/// <summary>`stories`: the thread of articles joined to one by "Новости по теме" links, oldest first.</summary>
public static class StoriesCommand
{
    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("ID|URL") { Description = "An article's id or URL" };
        var format = CommonOptions.Format("table", "table", "json", "csv");
        var filters = new QueryOptions();
        var command = new Command("stories", "The story thread: every stored article joined to this one by related-news links, oldest first") { target, format };
        filters.AddTo(command);
        command.SetAction(result =>
        {
            var filter = filters.Build(result);
            using var store = CommonOptions.OpenStore(result, context, readOnly: true);
            var article = ShowCommand.FindOrThrow(store, result.GetValue(target)!);
            ListCommand.WriteArticles(context, result.GetValue(format), store.GetStory(article.Id, filter: filter), ArticleColumns.Plain);
            return ExitCodes.Ok;
        });
        return command;
    }
}
