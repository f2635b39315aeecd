using System.Runtime.CompilerServices;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Cli;

/// <summary>
/// Golden query results: an archive fetched from the loopback test site, queried as a user would, every output compared
/// with a file under Cli/Golden (the site's address written as http://test-site). The files are reviewed by a person;
/// UPDATE_GOLDEN=1 rewrites them from the current output.
/// </summary>
public sealed class QueryGoldenTests : IAsyncLifetime
{
    private static readonly string StoryPath = TestSiteCatalog.Articles.First(a => a.RelatedPaths.Count >= 2).Path;
    private FetchedArchive _fetched = null!;

    public static TheoryData<string, string[]> Queries => new()
    {
        { "list", ["list"] },
        { "list-filtered", ["list", "--site", "abreview", "--from", "2026-03-01", "--to", "2026-03-11", "--min-views", "3000", "--sort", "views"] },
        { "list-author", ["list", "--author", "морозов", "--format", "csv"] },
        { "search", ["search", "электромобиль"] },
        { "search-operators", ["search", "\"дилерский центр\" OR лизинг*", "--sort", "date"] },
        { "show", ["show", StoryPath] },
        { "stories", ["stories", StoryPath] },
        { "links-depth", ["links", StoryPath, "--depth", "2", "--direction", "both"] },
        { "top-inlinks", ["top", "--by", "inlinks", "--limit", "5"] },
        { "top-views", ["top", "--by", "views", "--from", "2026-03-01", "--to", "2026-03-10", "--limit", "5"] },
        { "stats", ["stats", "--days", "7"] },
        { "export-csv", ["export", "csv", "--columns", "id,title,published,views,comments"] },
    };

    public async Task InitializeAsync()
    {
        _fetched = await FetchedArchive.StartAsync();
        await _fetched.FetchAsync();
    }

    public async Task DisposeAsync() => await _fetched.DisposeAsync();

    [Fact]
    public async Task Queries_OverTheTestSiteArchive_MatchTheirGoldenFiles()
    {
        var mismatches = new List<string>();
        foreach (var row in Queries)
        {
            var (name, args) = ((string)row[0], (string[])row[1]);
            var resolved = args.Select(a => a.StartsWith('/') ? _fetched.Site.UriFor(a).AbsoluteUri : a).ToArray();
            var result = await _fetched.Cli.RunAsync(resolved);
            Assert.True(result.ExitCode == 0, $"{name}: {result}");
            var actual = $"$ newsarchive {string.Join(' ', args.Select(Quote))}\n{result.Output}"
                .Replace(_fetched.Site.BaseUri.GetLeftPart(UriPartial.Authority), "http://test-site", StringComparison.Ordinal)
                .Replace("\r\n", "\n", StringComparison.Ordinal);
            var path = Path.Combine(GoldenRoot(), name + ".txt");
            if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            {
                await File.WriteAllTextAsync(path, actual);
                continue;
            }
            Assert.True(File.Exists(path), $"{path} is missing; run with UPDATE_GOLDEN=1 and review it");
            if (await File.ReadAllTextAsync(path) != actual)
            {
                mismatches.Add($"{name}:\n{actual}");
            }
        }
        Assert.True(mismatches.Count == 0, "output differs from the golden file (UPDATE_GOLDEN=1 rewrites them):\n" + string.Join("\n", mismatches));
    }

    private static string Quote(string arg) => arg.Contains(' ', StringComparison.Ordinal) || arg.Contains('"', StringComparison.Ordinal) ? $"'{arg}'" : arg;

    private static string GoldenRoot([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}
