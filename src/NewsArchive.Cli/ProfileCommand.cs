using System.CommandLine;
using NewsArchive.Parsing;
using NewsArchive.Sites;

namespace NewsArchive.Cli;

/// <summary>`profile suggest`: a site profile proposed from sample pages, for the user to edit and attach.</summary>
public static class ProfileCommand
{
    public static Command Create(CliContext context)
    {
        var profile = new Command("profile", "Site profiles: CSS selectors that override the generic extractor on one site");
        var sources = new Argument<string[]>("URL|FILE") { Description = "Sample pages of one site: saved HTML files or http(s) URLs", Arity = ArgumentArity.OneOrMore };
        var (output, force) = ExportCommand.OutputOptions();
        var suggest = new Command("suggest", "Propose a profile from sample pages: selectors for what the generic extractor chose, stable across the samples")
        {
            sources, output, force,
        };
        suggest.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(output);
            if (path is not null)
            {
                ExportCommand.ValidateOutputPath(path, result.GetValue(force));
            }
            var pages = new List<(string Html, Uri? Url)>();
            await foreach (var sample in SamplePages.ReadAsync(result.GetValue(sources) ?? [], context, ct))
            {
                if (sample.Html is null)
                {
                    throw new UsageException($"cannot read {sample.Source}: {sample.Error}");
                }
                pages.Add((sample.Html, sample.Url));
            }
            var suggested = new ProfileSuggester().Suggest(pages, new ParseContext(context.Time.GetUtcNow(), SiteTimeZones.Default));
            var json = SiteProfileJson.Write(suggested);
            if (path is null)
            {
                await context.Out.WriteAsync(json);
            }
            else
            {
                await File.WriteAllTextAsync(path, json, ct);
                await context.Error.WriteLineAsync($"wrote the suggested profile to {Path.GetFullPath(path)}");
            }
            return ExitCodes.Ok;
        });
        profile.Add(suggest);
        return profile;
    }
}
