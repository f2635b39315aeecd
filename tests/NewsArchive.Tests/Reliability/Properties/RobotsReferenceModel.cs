using System.Text;
using System.Text.RegularExpressions;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>
/// RFC 9309 as plainly as it can be written, to check <see cref="NewsArchive.Fetching.RobotsRules"/> against:
/// our groups (else the <c>*</c> groups) merged; every matching rule competes, the longest pattern wins,
/// Allow on a tie; no rule matching means allowed. Patterns are ASCII without '%', so no normalising is needed.
/// </summary>
internal sealed class RobotsReferenceModel(IReadOnlyList<RobotsGroupSpec> groups, string agent)
{
    public bool IsAllowed(string pathAndQuery)
    {
        if (pathAndQuery == "/robots.txt")
        {
            return true;
        }

        var chosen = groups.Where(g => g.Agents.Any(a => ProductToken(a).Equals(agent, StringComparison.OrdinalIgnoreCase))).ToList();
        if (chosen.Count == 0)
        {
            chosen = groups.Where(g => g.Agents.Contains("*")).ToList();
        }

        var bestLength = -1;
        var allowed = true;
        foreach (var (allow, raw) in chosen.SelectMany(g => g.Rules))
        {
            if (raw.Length == 0)
            {
                continue;
            }

            // A pattern that starts with neither '/' nor '*' is read as if it began with '/'.
            var pattern = raw[0] is '/' or '*' ? raw : "/" + raw;
            if (!Regex.IsMatch(pathAndQuery, ToRegex(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10)))
            {
                continue;
            }

            if (pattern.Length > bestLength || (pattern.Length == bestLength && allow))
            {
                bestLength = pattern.Length;
                allowed = allow;
            }
        }

        return allowed;
    }

    // "NewsArchive/1.0 (+https://example.org)" names the product "NewsArchive".
    private static string ProductToken(string value) => value.Split(' ', '/')[0];

    private static string ToRegex(string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        var b = new StringBuilder("^");
        foreach (var c in body)
        {
            b.Append(c == '*' ? ".*" : Regex.Escape(c.ToString()));
        }

        return b.Append(anchored ? "$" : "").ToString();
    }
}
