using System.Text;
using CsCheck;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>robots.txt files: structured groups rendered with the spellings real files use, and junk.</summary>
internal static class RobotsGen
{
    public const string Agent = "NewsArchive";

    private const string PathChars = "/ab.-_?=&";

    private static readonly Gen<string> AgentValue = Gen.OneOf("*", "*", Agent, "newsarchive", "NewsArchive/1.0 (+https://example.org)", "Googlebot", "Yandex", "News");

    private static readonly Gen<string> Pattern = Gen.Frequency(
        (5, Gen.String[Gen.Char[PathChars + "*$"], 0, 10].Select(p => "/" + p)),
        (1, Gen.String[Gen.Char[PathChars + "*$"], 0, 10]),
        (1, Gen.OneOf("/", "*", "/*", "$", "/$", "*$", "/a*b$", "/*.b$", "/a?", "/a?b=")));

    private static readonly Gen<(bool Allow, string Pattern)> Rule = Gen.Select(Gen.Bool, Pattern);

    private static readonly Gen<RobotsGroupSpec> Group = Gen.Select(AgentValue.Array[1, 3], Rule.Array[1, 6])
        .Select(parts => new RobotsGroupSpec(parts.Item1, parts.Item2));

    /// <summary>Paths and queries over the same alphabet as the patterns, so that rules match often.</summary>
    public static readonly Gen<string> Path = Gen.String[Gen.Char[PathChars], 0, 14].Select(p => "/" + p);

    /// <summary>Groups of at least one rule each, so that where one group ends is never in doubt.</summary>
    public static readonly Gen<RobotsGroupSpec[]> Groups = Group.Array[0, 5];

    /// <summary>The groups as a file, with the key spellings, spacing, comments and line ends files use.</summary>
    public static Gen<string> Render(RobotsGroupSpec[] groups) =>
        Gen.Select(Gen.OneOf("\n", "\r\n", "\r"), Gen.OneOf("User-agent", "user-agent", "USER-AGENT", "User-Agent"), Gen.OneOf(":", ": ", " : ", ":\t"), Gen.Bool)
            .Select(style =>
            {
                var (newline, agentKey, colon, comments) = style;
                var b = new StringBuilder();
                if (comments)
                {
                    b.Append("# robots.txt for a test").Append(newline).Append("Sitemap: /sitemap.xml").Append(newline);
                }

                foreach (var group in groups)
                {
                    foreach (var agent in group.Agents)
                    {
                        b.Append(agentKey).Append(colon).Append(agent).Append(newline);
                    }

                    foreach (var (allow, pattern) in group.Rules)
                    {
                        b.Append(allow ? "Allow" : "Disallow").Append(colon).Append(pattern);
                        b.Append(comments ? " # note" : "").Append(newline);
                    }

                    b.Append(comments ? "Crawl-delay: 1" + newline : "").Append(newline);
                }

                return b.ToString();
            });

    /// <summary>Random text in lines, none holding a ':' so no line is a directive.</summary>
    public static readonly Gen<string> Unparsable = Gen.Frequency(
        (3, Gen.String[0, 300]),
        (2, Gen.String[0, 60].Array[0, 20].Select(lines => string.Join('\n', lines))),
        (1, Gen.Byte.Array[0, 400].Select(bytes => Encoding.UTF8.GetString(bytes))),
        (1, Gen.Byte.Array[0, 400].Select(bytes => Encoding.Latin1.GetString(bytes))))
        .Select(text => text.Replace(':', ' '));

    /// <summary>Anything: random strings, bytes read as UTF-8, and directive lines broken in random ways.</summary>
    public static readonly Gen<string> Junk = Gen.Frequency(
        (2, Gen.String[0, 300]),
        (2, Gen.Byte.Array[0, 600].Select(bytes => Encoding.UTF8.GetString(bytes))),
        (3, Gen.Select(Gen.OneOf("User-agent", "Allow", "Disallow", "Crawl-delay", "Sitemap", "user agent", "disalow", "#", "", ":"), Gen.OneOf(":", "", "::", " "), Gen.String[0, 40], Gen.OneOf("\n", "\r", "\r\n", "\0", "\u2028"))
            .Array[0, 30].Select(lines => string.Concat(lines.Select(l => l.Item1 + l.Item2 + l.Item3 + l.Item4)))));
}
