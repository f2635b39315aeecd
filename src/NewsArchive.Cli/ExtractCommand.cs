using System.CommandLine;
using NewsArchive.Parsing;
using NewsArchive.Sites;

namespace NewsArchive.Cli;

/// <summary>Parses saved or fetched pages without storing anything: one JSON object per page per line.</summary>
public static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("URL|FILE") { Description = "Pages to parse: saved HTML files or http(s) URLs to fetch", Arity = ArgumentArity.OneOrMore };
        var url = new Option<string?>("--url") { Description = "The page's URL (default: its canonical link, else a placeholder)", HelpName = "URL" };
        var profileFile = new Option<string?>("--profile") { Description = "A site profile (JSON) whose selectors come first", HelpName = "FILE" };
        var command = new Command("extract", "Parse pages and print what the parser finds, as JSON Lines") { files, url, profileFile };
        command.SetAction(async (result, ct) =>
        {
            Uri? pageUrl = null;
            if (result.GetValue(url) is { } urlText)
            {
                if (!SiteNames.TryParseStartUrl(urlText, out var parsed, out var error))
                {
                    throw new UsageException($"--url: {error}");
                }
                pageUrl = parsed;
            }
            var profile = result.GetValue(profileFile) is { } profilePath ? SamplePages.LoadProfile(profilePath) : null;
            var parser = new ArticleParser(profile);
            var parseContext = new ParseContext(context.Time.GetUtcNow(), SiteTimeZones.Default);
            var failed = 0;
            await foreach (var sample in SamplePages.ReadAsync(result.GetValue(files) ?? [], context, ct))
            {
                var file = sample.Source;
                if (sample.Html is null)
                {
                    await context.Error.WriteLineAsync($"newsarchive: cannot read {file}: {sample.Error}");
                    failed++;
                    continue;
                }
                ParsedPage page;
                try
                {
                    page = parser.Parse(sample.Html, pageUrl ?? sample.Url, parseContext);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    await context.Error.WriteLineAsync($"newsarchive: cannot parse {file}: {ex.GetType().Name}: {ex.Message}");
                    failed++;
                    continue;
                }
                OutputFormatter.WriteJsonLine(context.Out, json =>
                {
                    json.WriteStartObject();
                    json.WriteString("file", file);
                    json.WriteString("url", page.Url.AbsoluteUri);
                    json.WriteString("kind", page.Kind.ToString().ToLowerInvariant());
                    json.WriteString("title", page.Title);
                    json.WriteString("published", Storage.StoredTime.Format(page.Published));
                    json.WriteString("published_source", page.Published is null ? null : page.PublishedSource.ToString().ToLowerInvariant());
                    json.WriteString("modified", Storage.StoredTime.Format(page.Modified));
                    json.WriteStartArray("authors");
                    foreach (var author in page.Authors)
                    {
                        json.WriteStringValue(author);
                    }
                    json.WriteEndArray();
                    json.WriteString("lead", page.Lead);
                    json.WriteString("body", page.Body);
                    json.WriteString("body_html", page.BodyHtml);
                    json.WriteStartArray("related");
                    foreach (var link in page.Links.Where(l => l.Kind == LinkKind.Related))
                    {
                        json.WriteStartObject();
                        json.WriteString("url", link.Url.AbsoluteUri);
                        json.WriteString("title", link.AnchorText);
                        json.WriteString("published", Storage.StoredTime.Format(link.Published));
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteStartArray("links");
                    foreach (var link in page.Links.Where(l => l.Kind != LinkKind.Related))
                    {
                        json.WriteStartObject();
                        json.WriteString("url", link.Url.AbsoluteUri);
                        json.WriteString("kind", link.Kind.ToString().ToLowerInvariant());
                        json.WriteString("title", link.AnchorText);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    if (page.Views is { } views)
                    {
                        json.WriteNumber("views", views);
                    }
                    else
                    {
                        json.WriteNull("views");
                    }
                    if (page.Comments is { } comments)
                    {
                        json.WriteNumber("comments", comments);
                    }
                    else
                    {
                        json.WriteNull("comments");
                    }
                    if (profile is not null)
                    {
                        json.WriteStartArray("profile_fields");
                        foreach (var field in page.ProfileFields)
                        {
                            json.WriteStringValue(field);
                        }
                        json.WriteEndArray();
                    }
                    json.WriteEndObject();
                });
            }
            return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return command;
    }
}
