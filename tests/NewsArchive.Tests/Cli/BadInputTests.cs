using System.Security.Cryptography;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Cli;

/// <summary>Every bad input: exit code 2, one line on stderr, nothing on stdout, the archive unchanged.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempArchive _archive = new();
    private readonly CliRunner _cli;

    public BadInputTests()
    {
        _cli = new CliRunner(_archive.Path, new FixedClock(TestSiteCatalog.ReferenceNow));
    }

    public void Dispose() => _archive.Dispose();

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("list", "--bogus")]
    [InlineData("list", "--from", "2026-13-45")]
    [InlineData("list", "--to", "yesterday")]
    [InlineData("list", "--from", "2026-03-10", "--to", "2026-03-01")]
    [InlineData("list", "--limit", "-3")]
    [InlineData("list", "--limit", "abc")]
    [InlineData("list", "--format", "xml")]
    [InlineData("search", "\"unbalanced")]
    [InlineData("search", "")]
    [InlineData("show", "999")]
    [InlineData("show")]
    [InlineData("links", "1", "--kind", "bogus")]
    [InlineData("sites", "add", "ftp://abreview.ru/ab/news/")]
    [InlineData("sites", "add", "file:///etc/passwd")]
    [InlineData("sites", "add", "https://abreview.ru/ab/news/")]
    [InlineData("sites", "remove", "nope")]
    [InlineData("fetch", "--delay", "-1")]
    [InlineData("fetch", "--max-pages", "0")]
    [InlineData("fetch", "--site", "nope")]
    [InlineData("fetch", "ftp://abreview.ru/")]
    [InlineData("export", "csv", "--out", "/nonexistent-dir/x.csv")]
    [InlineData("extract", "--url", "ftp://x/", "page.html")]
    [InlineData("search", "AND")]
    [InlineData("search", "OR", "foo")]
    [InlineData("search", "OR foo")]
    [InlineData("search", "NOT")]
    [InlineData("search", "*")]
    [InlineData("search", "foo AND")]
    [InlineData("search", "(foo")]
    [InlineData("search", "foo)")]
    [InlineData("search", "\"")]
    [InlineData("search", "x", "--bogus")]
    [InlineData("search", "x", "--from", "2026-13-45")]
    [InlineData("search", "x", "--limit", "-1")]
    [InlineData("export", "csv", "--bogus")]
    [InlineData("export", "csv", "--from", "2026-02-30")]
    [InlineData("runs", "--limit", "-1")]
    [InlineData("top", "--limit", "-5")]
    [InlineData("stats", "--from", "2026-13-01")]
    [InlineData("fetch", "--bogus")]
    [InlineData("fetch", "--since", "2026-13-45")]
    [InlineData("sites", "add", "javascript:alert(1)")]
    [InlineData("sites", "add", "data:text/html,<h1>x</h1>")]
    [InlineData("sites", "add", "mailto:editor@abreview.ru")]
    [InlineData("sites", "add", "https://admin:secret@abreview.ru/ab/news/")]
    [InlineData("sites", "add", "--bogus")]
    [InlineData("fetch", "https://admin:secret@autostat.ru/news/")]
    public async Task Command_BadInput_ExitsTwoWithOneLineAndChangesNothing(params string[] args)
    {
        var setup = await _cli.RunAsync("sites", "add", "https://abreview.ru/ab/news/", "--name", "abreview");
        Assert.Equal(0, setup.ExitCode);
        var before = Hash(_archive.Path);

        var result = await _cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, result.ToString());
        Assert.StartsWith("newsarchive: ", lines[0]);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(before, Hash(_archive.Path));
    }

    [Theory]
    [InlineData("sites", "add", "https://abreview.ru/news/{long}")]
    [InlineData("sites", "add", "autostat.ru/news/{long}")]
    [InlineData("sites", "add", "https://autostat.ru/news/", "--feed", "https://autostat.ru/rss/{long}")]
    [InlineData("fetch", "https://autostat.ru/news/{long}")]
    public async Task SitesAddOrFetch_UrlLongerThanTheFetcherTakes_ExitsTwoWithOneLineAndAddsNothing(params string[] args)
    {
        var result = await _cli.RunAsync([.. args.Select(a => a.Replace("{long}", new string('a', 10_000), StringComparison.Ordinal))]);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith($"URL longer than {NewsArchive.Fetching.FetchOptions.DefaultMaxUrlLength} characters", line);
        Assert.Equal("", (await _cli.RunAsync("sites", "list", "--format", "json")).Output);
    }

    [Fact]
    public async Task SitesAdd_UrlOfTheLongestLengthFetched_Added()
    {
        var prefix = "https://abreview.ru/ab/news/";
        var url = prefix + new string('a', NewsArchive.Fetching.FetchOptions.DefaultMaxUrlLength - prefix.Length);

        var result = await _cli.RunAsync("sites", "add", url);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [InlineData("'; DROP TABLE articles; --")]
    [InlineData("\"; DROP TABLE articles; --")]
    [InlineData("x') OR 1=1 --")]
    [InlineData("электромобили\" OR \"1\"=\"1")]
    public async Task Search_SqlInjection_FindsNothingAndChangesNothing(string query)
    {
        // Search text is bound as a parameter of an FTS5 MATCH, never spliced into SQL.
        using (var store = NewsArchive.Storage.ArchiveStore.Open(_archive.Path))
        {
            new FixtureArchive(store).Add("abreview", "1", "Продажи электромобилей выросли", "Дилеры продали 500 электромобилей.");
        }
        var before = Hash(_archive.Path);

        var result = await _cli.RunAsync("search", query, "--format", "json");

        Assert.True(result.ExitCode is 0 or 2, result.ToString());
        Assert.DoesNotContain("   at ", result.Error);
        Assert.True(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 1, result.ToString());
        Assert.Equal(before, Hash(_archive.Path));
        Assert.Equal(1, ArchiveProbe.Count(_archive.Path, "SELECT count(*) FROM articles"));
        var found = await _cli.RunAsync("search", "электромобили", "--format", "json");
        Assert.Single(found.JsonLines());
    }

    [Fact]
    public async Task ExportOut_ExistingFileWithoutForce_RefusedAndFileKept()
    {
        var setup = await _cli.RunAsync("sites", "add", "https://abreview.ru/ab/news/", "--name", "abreview");
        Assert.Equal(0, setup.ExitCode);
        var existing = Path.Combine(_archive.Directory, "utilsbor.csv");
        await File.WriteAllTextAsync(existing, "the analyst's own spreadsheet");
        var before = Hash(_archive.Path);

        var result = await _cli.RunAsync("export", "csv", "--out", existing);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--force", result.Error);
        Assert.Equal("the analyst's own spreadsheet", await File.ReadAllTextAsync(existing));
        Assert.Equal(before, Hash(_archive.Path));
    }

    [Fact]
    public async Task AnyCommand_FileThatIsNotAnArchive_IsRefusedAndUntouched()
    {
        await File.WriteAllTextAsync(_archive.Path, "just some notes, not a database");
        foreach (var args in new[] { new[] { "list" }, ["sites", "list"], ["sites", "add", "abreview.ru/ab/news/"] })
        {
            var result = await _cli.RunAsync(args);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("not a NewsArchive archive", result.Error);
        }
        Assert.Equal("just some notes, not a database", await File.ReadAllTextAsync(_archive.Path));
    }

    [Fact]
    public async Task ReadCommand_MissingArchive_SaysSoAndCreatesNothing()
    {
        var result = await _cli.RunAsync("list");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no archive at", result.Error);
        Assert.False(File.Exists(_archive.Path));
    }

    private static string Hash(string path)
    {
        // The WAL holds recent writes; the archive's state is the database file plus its WAL.
        using var sha = SHA256.Create();
        foreach (var file in new[] { path, path + "-wal" })
        {
            var bytes = File.Exists(file) ? File.ReadAllBytes(file) : [];
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }
        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexString(sha.Hash!);
    }
}
