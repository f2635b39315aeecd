using System.CommandLine;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

public static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("ID|URL") { Description = "An article's id or URL" };
        var format = CommonOptions.Format("text", "text", "json");
        var command = new Command("show", "Show one article with its body and related news") { target, format };
        command.SetAction(result =>
        {
            using var store = CommonOptions.OpenStore(result, context, readOnly: true);
            var article = FindOrThrow(store, result.GetValue(target)!);
            var related = store.GetLinks(article.Id, LinkDirection.Out, ["related"]);
            if (result.GetValue(format) == "json")
            {
                OutputFormatter.WriteArticleJson(context.Out, article, related);
                return ExitCodes.Ok;
            }
            var output = context.Out;
            output.WriteLine(article.Title ?? "(no title)");
            output.WriteLine();
            output.WriteLine($"URL:       {article.Url}");
            output.WriteLine($"Site:      {article.Site}");
            output.WriteLine($"Published: {StoredTime.Format(article.Published) ?? "unknown"}");
            if (article.Modified is not null)
            {
                output.WriteLine($"Modified:  {StoredTime.Format(article.Modified)}");
            }
            if (article.Authors.Count > 0)
            {
                output.WriteLine($"Authors:   {string.Join(", ", article.Authors)}");
            }
            if (article.Views is not null || article.Comments is not null)
            {
                output.WriteLine($"Views:     {article.Views?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}    Comments: {article.Comments?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
            }
            output.WriteLine($"ID:        {article.Id}");
            output.WriteLine();
            output.WriteLine(article.Body);
            if (related.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("Related:");
                foreach (var link in related)
                {
                    var id = link.ArticleId is { } linked ? $"[{linked}] " : "";
                    output.WriteLine($"  {OutputFormatter.Date(link.Published),-16}  {id}{link.Title}  {link.Url}");
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    public static StoredArticle FindOrThrow(ArchiveStore store, string idOrUrl) =>
        store.FindArticle(idOrUrl) ?? throw new UsageException($"no article '{idOrUrl}' in the archive");
}
