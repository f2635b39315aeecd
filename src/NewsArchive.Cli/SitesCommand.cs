using System.CommandLine;
using NewsArchive.Sites;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

public static class SitesCommand
{
    public static Command Create(CliContext context)
    {
        var sites = new Command("sites", "Add, list and remove the sites a fetch run visits");

        var url = new Argument<string>("URL") { Description = "A section or listing page, e.g. https://abreview.ru/ab/news/" };
        var name = new Option<string?>("--name") { Description = "Short name (default: the host)", HelpName = "NAME" };
        var feeds = new Option<string[]>("--feed") { Description = "A feed URL of the site (repeatable)", HelpName = "URL" };
        var addProfile = new Option<string?>("--profile") { Description = "A site profile (JSON) of CSS selectors for the site's pages", HelpName = "FILE" };
        var add = new Command("add", "Add a site") { url, name, feeds, addProfile };
        add.SetAction(result =>
        {
            // The profile is read first: a bad file changes nothing.
            var profile = result.GetValue(addProfile) is { } profilePath ? SamplePages.LoadProfile(profilePath) : null;
            using var store = CommonOptions.OpenStore(result, context, readOnly: false);
            var site = AddSite(store, result.GetValue(url)!, result.GetValue(name), result.GetValue(feeds) ?? [], context.Time.GetUtcNow(), profile);
            context.Out.WriteLine($"added {site.Name}: {site.StartUrl}" + (site.Feeds.Count > 0 ? $" (feeds: {string.Join(", ", site.Feeds)})" : "")
                + (profile is not null ? " with a profile" : ""));
            return ExitCodes.Ok;
        });

        var format = CommonOptions.Format("table", "table", "json");
        var list = new Command("list", "List the configured sites") { format };
        list.SetAction(result =>
        {
            using var store = CommonOptions.OpenStore(result, context, readOnly: false);
            var all = store.ListSites();
            if (result.GetValue(format) == "json")
            {
                foreach (var site in all)
                {
                    OutputFormatter.WriteJsonLine(context.Out, json =>
                    {
                        json.WriteStartObject();
                        json.WriteString("name", site.Name);
                        json.WriteString("url", site.StartUrl.AbsoluteUri);
                        json.WriteStartArray("feeds");
                        foreach (var feed in site.Feeds)
                        {
                            json.WriteStringValue(feed.AbsoluteUri);
                        }
                        json.WriteEndArray();
                        json.WriteNumber("articles", store.CountArticles(site.Id));
                        json.WriteBoolean("profile", site.Profile is not null);
                        json.WriteEndObject();
                    });
                }
                return ExitCodes.Ok;
            }
            OutputFormatter.WriteTable(context.Out, ["NAME", "ARTICLES", "URL"],
                all.Select(s => new[] { s.Name, store.CountArticles(s.Id).ToString(System.Globalization.CultureInfo.InvariantCulture), s.StartUrl.AbsoluteUri }),
                context.IsTerminal);
            return ExitCodes.Ok;
        });

        var removeName = new Argument<string>("NAME") { Description = "The site's name as 'sites list' shows it" };
        var remove = new Command("remove", "Remove a site (its stored articles stay in the archive)") { removeName };
        remove.SetAction(result =>
        {
            using var store = CommonOptions.OpenStore(result, context, readOnly: false);
            var target = result.GetValue(removeName)!;
            if (!store.RemoveSite(target))
            {
                throw new UsageException($"no site named '{target}' (see 'newsarchive sites list')");
            }
            context.Out.WriteLine($"removed {target}");
            return ExitCodes.Ok;
        });

        sites.Add(add);
        sites.Add(list);
        sites.Add(remove);
        sites.Add(CreateProfile(context));
        return sites;
    }

    private static Command CreateProfile(CliContext context)
    {
        var siteName = new Argument<string>("NAME") { Description = "The site's name as 'sites list' shows it" };
        var file = new Argument<string?>("FILE") { Description = "A profile (JSON) to attach; without it the stored one is printed", Arity = ArgumentArity.ZeroOrOne };
        var clear = new Option<bool>("--clear") { Description = "Take the site's profile away" };
        var command = new Command("profile", "Attach a profile of CSS selectors to a site, print it, or take it away") { siteName, file, clear };
        command.SetAction(result =>
        {
            var target = result.GetValue(siteName)!;
            var path = result.GetValue(file);
            var clearing = result.GetValue(clear);
            if (path is not null && clearing)
            {
                throw new UsageException("give a profile FILE or --clear, not both");
            }
            var profile = path is null ? null : SamplePages.LoadProfile(path);
            using var store = CommonOptions.OpenStore(result, context, readOnly: path is null && !clearing);
            if (store.FindSite(target) is not { } site)
            {
                throw new UsageException($"no site named '{target}' (see 'newsarchive sites list')");
            }
            if (path is null && !clearing)
            {
                context.Out.Write(site.Profile is null ? $"{site.Name} has no profile\n" : SiteProfileJson.Write(site.Profile));
                return ExitCodes.Ok;
            }
            store.SetSiteProfile(site.Name, profile);
            context.Out.WriteLine(profile is null ? $"{site.Name}: profile removed" : $"{site.Name}: profile attached");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Site AddSite(ArchiveStore store, string urlText, string? name, IReadOnlyList<string> feedTexts, DateTimeOffset now, SiteProfile? profile = null)
    {
        if (!SiteNames.TryParseStartUrl(urlText, out var url, out var error))
        {
            throw new UsageException(error);
        }
        var feeds = new List<Uri>();
        foreach (var feedText in feedTexts)
        {
            if (!SiteNames.TryParseStartUrl(feedText, out var feed, out var feedError))
            {
                throw new UsageException($"--feed: {feedError}");
            }
            feeds.Add(feed);
        }
        if (store.FindSiteByStartUrl(url) is { } existing)
        {
            throw new UsageException($"{url} is already added as '{existing.Name}'");
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            // A second section of the same host gets a numbered name rather than an error.
            name = SiteNames.FromUrl(url);
            for (var n = 2; store.FindSite(name) is not null; n++)
            {
                name = $"{SiteNames.FromUrl(url)}-{n}";
            }
        }
        return store.AddSite(name.Trim(), url, feeds, now, profile);
    }
}
