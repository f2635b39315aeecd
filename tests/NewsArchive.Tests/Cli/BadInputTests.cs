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
