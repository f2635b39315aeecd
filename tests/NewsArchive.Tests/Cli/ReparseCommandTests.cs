using NewsArchive.Storage;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Cli;

/// <summary>`reparse` through the entry point a user runs: its report as text and JSON, its exit codes and the archive lock.</summary>
public sealed class ReparseCommandTests : IAsyncLifetime
{
    private FetchedArchive _fetched = null!;

    private CliRunner Cli => _fetched.Cli;

    public async Task InitializeAsync()
    {
        _fetched = await FetchedArchive.StartAsync();
        await _fetched.FetchAsync();
    }

    public async Task DisposeAsync() => await _fetched.DisposeAsync();

    [Fact]
    public async Task Reparse_UpToDateArchive_ReportsEverythingUnchangedAsTextAndJson()
    {
        var count = TestSiteCatalog.Articles.Count;
        var text = await Cli.RunAsync("reparse");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Equal($"reparse: {count} articles re-parsed, 0 changed (title 0, body 0, dates 0, authors 0, links 0), {count} unchanged, 0 failed, 0 without source bytes",
            text.Output.Trim());

        var json = (await Cli.RunAsync("reparse", "--site", "abreview", "--dry-run", "--format", "json")).JsonLines().Single();
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
        Assert.Equal(130, await NewsArchive.Cli.CliApp.RunAsync(["--db", _fetched.Path, "reparse"], context));
        Assert.Contains("interrupted", error.ToString());
        Assert.False(File.Exists(_fetched.Path + ".lock") && IsLocked(_fetched.Path + ".lock"));
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
        var bad = await Cli.RunAsync("reparse", "--from", "yesterday");
        Assert.Equal(2, bad.ExitCode);
        Assert.Single(bad.Error.Trim().Split('\n'));

        using (ArchiveLock.Acquire(_fetched.Path))
        {
            var locked = await Cli.RunAsync("reparse");
            Assert.Equal(3, locked.ExitCode);
            Assert.Single(locked.Error.Trim().Split('\n'));
        }

        using (var store = ArchiveStore.Open(_fetched.Path))
        {
            // A stored page whose bytes no longer read as an article (here: a listing page stored in its place).
            var id = store.FindArticle(_fetched.Site.UriFor(TestSiteCatalog.Articles[0].Path).AbsoluteUri)!.Id;
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_fetched.Path};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE sources SET compressed = $bytes WHERE hash = (SELECT source_hash FROM articles WHERE id = $id)";
            command.Parameters.AddWithValue("$bytes", SourceCompression.Compress("<html><body><ul><li><a href='/a/'>a</a></li></ul></body></html>"u8));
            command.Parameters.AddWithValue("$id", id);
            command.ExecuteNonQuery();
        }
        var failed = await Cli.RunAsync("reparse");
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("1 failed", failed.Output);
        Assert.Contains("kept as stored", failed.Output);
        var title = await Cli.RunAsync("show", _fetched.Site.UriFor(TestSiteCatalog.Articles[0].Path).AbsoluteUri, "--format", "json");
        Assert.Equal(TestSiteCatalog.Articles[0].Title, title.JsonLines().Single().GetProperty("title").GetString());
    }
}
