using System.CommandLine;
using NewsArchive.Fetching;
using NewsArchive.Parsing;
using NewsArchive.Sites;

namespace NewsArchive.Cli;

/// <summary>Parses saved pages without storing anything: one JSON object per file per line.</summary>
public static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Saved HTML pages", Arity = ArgumentArity.OneOrMore };
        var url = new Option<string?>("--url") { Description = "The page's URL (default: its canonical link, else a placeholder)", HelpName = "URL" };
        var command = new Command("extract", "Parse saved pages and print what the parser finds, as JSON Lines") { files, url };
        command.SetAction(result =>
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
            var parser = new ArticleParser();
            var parseContext = new ParseContext(context.Time.GetUtcNow(), SiteTimeZones.Default);
            var failed = 0;
            foreach (var file in result.GetValue(files) ?? [])
            {
                byte[] bytes;
                try
                {
                    bytes = File.ReadAllBytes(file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    context.Error.WriteLine($"newsarchive: cannot read {file}: {ex.Message}");
                    failed++;
                    continue;
                }
                ParsedPage page;
                try
                {
                    page = parser.Parse(CharsetDecoder.Decode(bytes, null), pageUrl, parseContext);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    context.Error.WriteLine($"newsarchive: cannot parse {file}: {ex.GetType().Name}: {ex.Message}");
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
                    json.WriteEndObject();
                });
            }
            return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return command;
    }
}
