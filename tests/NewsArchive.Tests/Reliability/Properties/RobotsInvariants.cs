using NewsArchive.Fetching;
using Xunit.Sdk;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>What must hold for any robots.txt body; shared by the properties and the corpus.</summary>
internal static class RobotsInvariants
{
    private static readonly Uri Site = new("https://abreview.ru/");

    /// <summary>Parsing and asking never throw; Crawl-delay is never negative; Sitemap URLs are http(s).</summary>
    public static void Check(string text, string href)
    {
        var rules = RobotsRules.Parse(text, RobotsGen.Agent, new Uri(Site, "/robots.txt"));
        if (Uri.TryCreate(Site, href, out var url))
        {
            rules.IsAllowed(url);
        }

        if (Uri.TryCreate(href, UriKind.RelativeOrAbsolute, out var raw))
        {
            rules.IsAllowed(raw);
        }
        if (rules.CrawlDelay < TimeSpan.Zero || rules.Sitemaps.Any(s => s.Scheme is not ("http" or "https")))
        {
            throw new XunitException($"bad Crawl-delay or Sitemap from {HangGuard.Describe(text)}");
        }

        if (!text.Contains(':', StringComparison.Ordinal))
        {
            CheckAllowsEverything(text, href);
        }
    }

    /// <summary>A file with no directive in it (no line has a ':') allows every path.</summary>
    public static void CheckAllowsEverything(string text, string href)
    {
        var rules = RobotsRules.Parse(text, RobotsGen.Agent);
        if (Uri.TryCreate(Site, href, out var url) && !rules.IsAllowed(url))
        {
            throw new XunitException($"{url} refused by a file without directives: {HangGuard.Describe(text)}");
        }
    }
}
