using System.CommandLine;
using System.Globalization;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

public static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var target = new Argument<string>("ID|URL") { Description = "An article's id or URL" };
        var format = CommonOptions.Format("text", "text", "json");
        var command = new Command("show", "Show one article with its body, counters, related news and duplicates") { target, format };
        command.SetAction(result =>
        {
            using var store = CommonOptions.OpenStore(result, context, readOnly: true);
            var article = FindOrThrow(store, result.GetValue(target)!);
            var related = store.GetLinks(article.Id, LinkDirection.Out, ["related"]);
            var counters = CounterSummary.From(store.GetCounterReadings(article.Id));
            var versions = store.GetVersions(article.Id).Count;
            var duplicates = store.FindDuplicates(article.Id);
            if (result.GetValue(format) == "json")
            {
                OutputFormatter.WriteArticleJson(context.Out, article, related, json => WriteExtraJson(json, counters, versions, duplicates));
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
            if (counters is not null && (counters.Views is not null || counters.Comments is not null))
            {
                var since = counters.Readings > 1 ? $"   (growth since {OutputFormatter.Date(counters.FirstRead)}, {counters.Readings} readings)" : "";
                output.WriteLine($"Views:     {Counter(counters.Views, counters.ViewsGrowth, counters.Readings)}    Comments: {Counter(counters.Comments, counters.CommentsGrowth, counters.Readings)}{since}");
            }
            else if (article.Views is not null || article.Comments is not null)
            {
                output.WriteLine($"Views:     {article.Views?.ToString(CultureInfo.InvariantCulture) ?? "-"}    Comments: {article.Comments?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
            }
            if (versions > 1)
            {
                output.WriteLine($"Versions:  {versions} (edited after publication; see 'newsarchive history {article.Id}')");
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
            WriteDuplicates(output, "Exact duplicates (the same canonical URL or the same text):", duplicates.Where(d => d.IsExact));
            WriteDuplicates(output, "Near-duplicates (nearly the same text, a repost or a press release):", duplicates.Where(d => !d.IsExact));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteDuplicates(TextWriter output, string heading, IEnumerable<Duplicate> group)
    {
        var members = group.ToList();
        if (members.Count == 0)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine(heading);
        foreach (var duplicate in members)
        {
            var how = duplicate.Match switch
            {
                DuplicateMatch.CanonicalUrl => "same canonical URL",
                DuplicateMatch.SameText => "same text",
                _ => $"{duplicate.Distance} of 64 SimHash bits differ",
            };
            var article = duplicate.Article;
            output.WriteLine($"  {OutputFormatter.Date(article.Published),-16}  [{article.Id}] {article.Site}: {article.Title}  {article.Url}  ({how})");
        }
    }

    private static string MatchName(DuplicateMatch match) => match switch
    {
        DuplicateMatch.CanonicalUrl => "canonical_url",
        DuplicateMatch.SameText => "same_text",
        _ => "near_text",
    };

    public static StoredArticle FindOrThrow(ArchiveStore store, string idOrUrl) =>
        store.FindArticle(idOrUrl) ?? throw new UsageException($"no article '{idOrUrl}' in the archive");

    private static string Counter(int? value, int? growth, int readings) => value switch
    {
        null => "-",
        { } v when readings > 1 && growth is { } g => $"{v.ToString(CultureInfo.InvariantCulture)} ({(g >= 0 ? "+" : "")}{g.ToString(CultureInfo.InvariantCulture)})",
        { } v => v.ToString(CultureInfo.InvariantCulture),
    };

    private static void WriteExtraJson(System.Text.Json.Utf8JsonWriter json, CounterSummary? counters, int versions, IReadOnlyList<Duplicate> duplicates)
    {
        if (counters is not null)
        {
            json.WriteStartObject("counters");
            json.WriteNumber("readings", counters.Readings);
            json.WriteString("first_read", StoredTime.Format(counters.FirstRead));
            json.WriteString("last_read", StoredTime.Format(counters.LastRead));
            OutputFormatter.WriteNullableNumber(json, "views", counters.Views);
            OutputFormatter.WriteNullableNumber(json, "views_growth", counters.ViewsGrowth);
            OutputFormatter.WriteNullableNumber(json, "comments", counters.Comments);
            OutputFormatter.WriteNullableNumber(json, "comments_growth", counters.CommentsGrowth);
            json.WriteEndObject();
        }
        json.WriteNumber("versions", versions);
        json.WriteStartArray("duplicates");
        foreach (var duplicate in duplicates)
        {
            json.WriteStartObject();
            json.WriteNumber("id", duplicate.Article.Id);
            json.WriteString("url", duplicate.Article.Url);
            json.WriteString("site", duplicate.Article.Site);
            json.WriteString("title", duplicate.Article.Title);
            json.WriteString("published", StoredTime.Format(duplicate.Article.Published));
            json.WriteString("match", MatchName(duplicate.Match));
            OutputFormatter.WriteNullableNumber(json, "distance", duplicate.Distance);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
