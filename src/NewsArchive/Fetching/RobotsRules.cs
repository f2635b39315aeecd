using System.Collections.ObjectModel;
using System.Globalization;

namespace NewsArchive.Fetching;

/// <summary>
/// The robots.txt rules that apply to one crawler on one site (RFC 9309), plus the file's
/// Crawl-delay and Sitemap lines. Immutable.
/// </summary>
public sealed class RobotsRules
{
    // RFC 9309 asks crawlers to read at least 500 KiB; more than that is ignored.
    private const int MaxParsedChars = 512 * 1024;

    // Crawl-delay values beyond a day are treated as a day, so TimeSpan cannot overflow.
    private const double MaxCrawlDelaySeconds = 86_400;

    private readonly RobotsRule[] _rules;

    private RobotsRules(RobotsRule[] rules, TimeSpan? crawlDelay, Uri[] sitemaps)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = new ReadOnlyCollection<Uri>(sitemaps);
    }

    /// <summary>Rules that allow every URL (no robots.txt, or a 4xx for it).</summary>
    public static RobotsRules AllowAll { get; } = new([], null, []);

    /// <summary>Rules that refuse every URL (robots.txt could not be read).</summary>
    public static RobotsRules DisallowAll { get; } = new([new RobotsRule("/", Allow: false)], null, []);

    /// <summary>The Crawl-delay of the chosen group, if it gave one.</summary>
    public TimeSpan? CrawlDelay { get; }

    /// <summary>Every Sitemap line of the file, whatever group it stands in.</summary>
    public IReadOnlyList<Uri> Sitemaps { get; }

    /// <summary>Parses a robots.txt body for the crawler whose product token is <paramref name="userAgentToken"/>.</summary>
    /// <param name="text">The robots.txt body.</param>
    /// <param name="userAgentToken">Our product token, such as <c>NewsArchive</c>; matched case-insensitively.</param>
    /// <param name="robotsUrl">Where the file came from; relative Sitemap lines are resolved against it.</param>
    public static RobotsRules Parse(string text, string userAgentToken, Uri? robotsUrl = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(userAgentToken);

        var content = text.AsSpan(0, Math.Min(text.Length, MaxParsedChars));
        if (content.Length > 0 && content[0] == '\uFEFF')
        {
            content = content[1..];
        }

        var groups = new List<RobotsGroup>();
        var sitemaps = new List<Uri>();
        RobotsGroup? current = null;
        var previousWasAgent = false;

        foreach (var rawLine in content.EnumerateLines())
        {
            var line = rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToString().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim().ToString();
            switch (key)
            {
                case "user-agent" or "useragent" or "user agent":
                    // Consecutive User-agent lines share one group; one after rules starts a new group.
                    if (current is null || !previousWasAgent)
                    {
                        current = new RobotsGroup();
                        groups.Add(current);
                    }

                    current.Agents.Add(ProductToken(value));
                    previousWasAgent = true;
                    break;

                case "allow" or "disallow" or "dissallow" or "dissalow" or "disalow" or "diasllow" or "disallaw":
                    // An empty value means "no restriction" and adds nothing.
                    if (current is not null && value.Length > 0)
                    {
                        current.Rules.Add(new RobotsRule(PatternOf(value), Allow: key == "allow"));
                    }

                    previousWasAgent = false;
                    break;

                case "crawl-delay" or "crawldelay" or "crawl delay":
                    if (current is not null
                        && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                        && seconds >= 0)
                    {
                        current.CrawlDelay ??= TimeSpan.FromSeconds(Math.Min(seconds, MaxCrawlDelaySeconds));
                    }

                    previousWasAgent = false;
                    break;

                case "sitemap" or "site-map":
                    if (ResolveSitemap(value, robotsUrl) is { } sitemap && !sitemaps.Contains(sitemap))
                    {
                        sitemaps.Add(sitemap);
                    }

                    break;
            }
        }

        var chosen = groups.Where(g => g.Agents.Any(a => a.Equals(userAgentToken, StringComparison.OrdinalIgnoreCase))).ToList();
        if (chosen.Count == 0)
        {
            chosen = groups.Where(g => g.Agents.Contains("*")).ToList();
        }

        // RFC 9309: several groups naming the same agent are merged into one.
        var rules = chosen.SelectMany(g => g.Rules).ToArray();
        var crawlDelay = chosen.Select(g => g.CrawlDelay).FirstOrDefault(d => d is not null);
        return new RobotsRules(rules, crawlDelay, [.. sitemaps]);
    }

    /// <summary>Whether the URL's path and query may be fetched: the longest matching rule wins, Allow on a tie.</summary>
    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);

        var path = url.IsAbsoluteUri ? url.PathAndQuery : url.OriginalString;
        path = RobotsPath.Normalize(path.Length == 0 ? "/" : path);

        // RFC 9309: robots.txt itself is always allowed.
        if (path == "/robots.txt" || _rules.Length == 0)
        {
            return true;
        }

        var positions = path.Length < 512 ? stackalloc int[path.Length + 1] : new int[path.Length + 1];
        var bestLength = -1;
        var allowed = true;
        foreach (var rule in _rules)
        {
            var length = rule.Pattern.Length;
            var better = length > bestLength || (length == bestLength && rule.Allow && !allowed);
            if (better && RobotsPath.Matches(path, rule.Pattern, positions))
            {
                bestLength = length;
                allowed = rule.Allow;
            }
        }

        return allowed;
    }

    // "Googlebot/2.1 (+http://...)" names the product token "Googlebot".
    private static string ProductToken(string value)
    {
        var end = value.AsSpan().IndexOfAny(" \t/");
        return end < 0 ? value : value[..end];
    }

    private static string PatternOf(string value)
    {
        var pattern = RobotsPath.Normalize(value);
        return pattern[0] is '/' or '*' ? pattern : "/" + pattern;
    }

    private static Uri? ResolveSitemap(string value, Uri? robotsUrl)
    {
        var resolved = robotsUrl is { IsAbsoluteUri: true }
            ? Uri.TryCreate(robotsUrl, value, out var relative) ? relative : null
            : Uri.TryCreate(value, UriKind.Absolute, out var absolute) ? absolute : null;

        return resolved is not null && (resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps)
            ? resolved
            : null;
    }
}
