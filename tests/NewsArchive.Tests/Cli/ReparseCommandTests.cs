using NewsArchive.Storage;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Cli;

/// <summary>`reparse` through the entry point a user runs: its report as text and JSON, its exit codes and the archive lock.</summary>
public sealed class ReparseCommandTests : IAsyncLifetime
{
    private readonly TempArchive _archive = new();
    private NewsTestSite _site = null!;
    private CliRunner _cli = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsTestSite.StartAsync();
        _cli = new CliRunner(_archive.Path, new FixedClock(TestSiteCatalog.ReferenceNow));
        Assert.Equal(0, (await _cli.RunAsync("sites", "add", _site.UriFor(TestSiteCatalog.ListingPath).AbsoluteUri, "--name", "abreview")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("fetch", "--delay", "0")).ExitCode);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _archive.Dispose();
    }

    [Fact]
    public async Task Reparse_UpToDateArchive_ReportsEverythingUnchangedAsTextAndJson()
    {
        var count = TestSiteCatalog.Articles.Count;
        var text = await _cli.RunAsync("reparse");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal($"reparse: {count} articles re-parsed, 0 changed (title 0, body 0, dates 0, authors 0, links 0), {count} unchanged, 0 failed, 0 without source bytes",
            text.Output.Trim());

        var json = (await _cli.RunAsync("reparse", "--site", "abreview", "--dry-run", "--format", "json")).JsonLines().Single();
        Assert.True(json.GetProperty("dry_run").GetBoolean());
        Assert.Equal(count, json.GetProperty("reparsed").GetInt32());
        Assert.Equal(count, json.GetProperty("unchanged").GetInt32());
        Assert.Equal(0, json.GetProperty("failures").GetArrayLength());
    }

    [Fact]
    public async Task Reparse_Interrupted_ExitsWith130AndWritesNothing()
    {
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();
        var error = new StringWriter();
        var context = new NewsArchive.Cli.CliContext(new StringWriter(), error, new FixedClock(TestSiteCatalog.ReferenceNow), _ => null, IsTerminal: false, stop.Token);
        Assert.Equal(130, await NewsArchive.Cli.CliApp.RunAsync(["--db", _archive.Path, "reparse"], context));
        Assert.Contains("interrupted", error.ToString());
        Assert.False(File.Exists(_archive.Path + ".lock") && IsLocked(_archive.Path + ".lock"));
    }

    private static bool IsLocked(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    [Fact]
    public async Task Reparse_BadInputLockedArchiveAndUnreadablePage_ExitTwoThreeAndOne()
    {
        var bad = await _cli.RunAsync("reparse", "--from", "yesterday");
        Assert.Equal(2, bad.ExitCode);
        Assert.Single(bad.Error.Trim().Split('\n'));

        using (ArchiveLock.Acquire(_archive.Path))
        {
            var locked = await _cli.RunAsync("reparse");
            Assert.Equal(3, locked.ExitCode);
            Assert.Single(locked.Error.Trim().Split('\n'));
        }

        using (var store = ArchiveStore.Open(_archive.Path))
        {
            // A stored page whose bytes no longer read as an article (here: a listing page stored in its place).
            var id = store.FindArticle(_site.UriFor(TestSiteCatalog.Articles[0].Path).AbsoluteUri)!.Id;
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_archive.Path};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE sources SET compressed = $bytes WHERE hash = (SELECT source_hash FROM articles WHERE id = $id)";
            command.Parameters.AddWithValue("$bytes", SourceCompression.Compress("<html><body><ul><li><a href='/a/'>a</a></li></ul></body></html>"u8));
            command.Parameters.AddWithValue("$id", id);
            command.ExecuteNonQuery();
        }
        var failed = await _cli.RunAsync("reparse");
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("1 failed", failed.Output);
        Assert.Contains("kept as stored", failed.Output);
        var title = await _cli.RunAsync("show", _site.UriFor(TestSiteCatalog.Articles[0].Path).AbsoluteUri, "--format", "json");
        Assert.Equal(TestSiteCatalog.Articles[0].Title, title.JsonLines().Single().GetProperty("title").GetString());
    }
}
