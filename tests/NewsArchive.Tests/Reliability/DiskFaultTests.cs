using System.Security.Cryptography;
using NewsArchive.Crawling;
using NewsArchive.Tests.Cli;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// A full disk (SQLite's max_page_count, through <c>NEWSARCHIVE_MAX_PAGES</c>), a read-only archive file and a read-only
/// directory, through the CLI entry point: one line and exit 3, the archive intact, and a later run with room completes.
/// </summary>
public sealed class DiskFaultTests : IAsyncLifetime
{
    private const int FirstRunArticles = 4;
    private readonly ArchiveConsistency _consistency = new();
    private LoopbackArchive _world = null!;

    public async Task InitializeAsync() => _world = await LoopbackArchive.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string DbPath => _world.Archive.Path;

    [Fact]
    public async Task Fetch_DiskFullMidRun_StopsAtTheFirstFailedWriteWithExitThreeAndTheNextRunCompletes()
    {
        var earlier = await FirstRunAsync();
        var pages = ArchiveProbe.Count(DbPath, "PRAGMA page_count");
        var articleRequestsBefore = ArticleRequests();
        var full = new CliRunner(DbPath, new FixedClock(TestSiteCatalog.ReferenceNow),
            new Dictionary<string, string> { ["NEWSARCHIVE_MAX_PAGES"] = (pages + 6).ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var fetch = await full.RunAsync("fetch", "--delay", "0", "--revisit-days", "0");

        Assert.True(fetch.ExitCode == 3, fetch.ToString());
        Assert.Equal("newsarchive: archive error: the disk is full", fetch.Error.Trim());
        var storedByFullRun = StoredCount() - FirstRunArticles;
        Assert.True(storedByFullRun < TestSiteCatalog.Articles.Count - FirstRunArticles, "the cap was never reached");
        // Stopped at the first write that failed: no page after it was fetched only to fail again.
        Assert.InRange(ArticleRequests() - articleRequestsBefore, storedByFullRun, storedByFullRun + 1);
        Assert.Equal("failed", ArchiveProbe.Scalar(DbPath, "SELECT status FROM runs WHERE id = 2"));
        AssertIntact(earlier);

        await AssertNextRunCompletesAsync();
    }

    [Fact]
    public async Task Commands_ReadOnlyArchiveFile_ReadsWorkWritesExitThreeAndTheFileIsUnchanged()
    {
        var earlier = await FirstRunAsync();
        var before = SHA256.HashData(await File.ReadAllBytesAsync(DbPath));

        using (new ReadOnlyPath(DbPath))
        {
            var list = await _world.Cli.RunAsync("list", "--format", "json");
            Assert.True(list.ExitCode == 0, list.ToString());
            Assert.Equal(FirstRunArticles, list.JsonLines().Count);
            Assert.Equal(0, (await _world.Cli.RunAsync("search", "дилеры")).ExitCode);
            Assert.Equal(0, (await _world.Cli.RunAsync("export", "csv")).ExitCode);

            foreach (var write in new[] { new[] { "fetch", "--delay", "0", "--revisit-days", "0" }, ["sites", "add", "https://autostat.ru/news/"], ["sites", "remove", "127.0.0.1"] })
            {
                var refused = await _world.Cli.RunAsync(write);
                Assert.True(refused.ExitCode == 3, refused.ToString());
                Assert.Equal("newsarchive: archive error: the archive is read-only", refused.Error.Trim());
            }
        }

        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(DbPath)));
        AssertIntact(earlier);
        await AssertNextRunCompletesAsync();
    }

    [Fact]
    public async Task Commands_ReadOnlyDirectory_ReadsWorkWritesExitThreeAndTheNextRunCompletes()
    {
        var earlier = await FirstRunAsync();
        // A copy of the archive in a directory of its own, as on a read-only mount: no -wal or -shm file beside it, and
        // none can be created.
        var directory = Path.Combine(_world.Archive.Directory, "read-only");
        Directory.CreateDirectory(directory);
        var copy = Path.Combine(directory, "archive.db");
        File.Copy(DbPath, copy);
        // The lock file an earlier fetch left, so that the refusal comes from SQLite rather than from the lock.
        await File.WriteAllTextAsync(copy + ".lock", "");
        var cli = new CliRunner(copy, new FixedClock(TestSiteCatalog.ReferenceNow));

        using (new ReadOnlyPath(directory))
        {
            var list = await cli.RunAsync("list", "--format", "json");
            Assert.True(list.ExitCode == 0, list.ToString());
            Assert.Equal(FirstRunArticles, list.JsonLines().Count);
            Assert.Equal(0, (await cli.RunAsync("search", "дилеры")).ExitCode);

            foreach (var write in new[] { new[] { "fetch", "--delay", "0", "--revisit-days", "0" }, ["sites", "add", "https://autostat.ru/news/"], ["sites", "remove", "127.0.0.1"] })
            {
                var refused = await cli.RunAsync(write);
                Assert.True(refused.ExitCode == 3, refused.ToString());
                Assert.Equal($"newsarchive: cannot open {copy}: the -wal and -shm files beside it cannot be created (is its directory read-only?)", refused.Error.Trim());
            }
        }

        AssertIntact(copy, earlier);
        await AssertNextRunCompletesAsync(cli, copy);
    }

    [Fact]
    public async Task Fetch_MaxPagesNotANumber_ExitsTwoWithOneLine()
    {
        var cli = new CliRunner(DbPath, new FixedClock(TestSiteCatalog.ReferenceNow), new Dictionary<string, string> { ["NEWSARCHIVE_MAX_PAGES"] = "1GB" });

        var fetch = await cli.RunAsync("fetch", _world.Listing, "--delay", "0");

        Assert.True(fetch.ExitCode == 2, fetch.ToString());
        Assert.Equal("newsarchive: NEWSARCHIVE_MAX_PAGES must be a positive number of pages, not '1GB'", fetch.Error.Trim());
    }

    /// <summary>Stores the first few articles; returns their keys.</summary>
    private async Task<IReadOnlyList<string?>> FirstRunAsync()
    {
        var first = await _world.Cli.RunAsync("fetch", _world.Listing, "--delay", "0", "--revisit-days", "0", "--max-pages", FirstRunArticles.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(FirstRunArticles, StoredCount());
        return ArchiveProbe.Rows(DbPath, "SELECT url_key FROM articles ORDER BY url_key").Select(r => r[0]).ToList();
    }

    private void AssertIntact(IReadOnlyList<string?> earlier) => AssertIntact(DbPath, earlier);

    private void AssertIntact(string dbPath, IReadOnlyList<string?> earlier)
    {
        Assert.Empty(_consistency.Check(dbPath));
        var keys = ArchiveProbe.Rows(dbPath, "SELECT url_key FROM articles").Select(r => r[0]).ToHashSet();
        Assert.Subset(keys, earlier.ToHashSet());
    }

    private Task AssertNextRunCompletesAsync() => AssertNextRunCompletesAsync(_world.Cli, DbPath);

    private async Task AssertNextRunCompletesAsync(CliRunner cli, string dbPath)
    {
        var next = await cli.RunAsync("fetch", "--delay", "0", "--revisit-days", "0");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal(TestSiteCatalog.Articles.Count, ArchiveProbe.Count(dbPath, "SELECT count(*) FROM articles"));
        Assert.Empty(_consistency.Check(dbPath));
        foreach (var article in TestSiteCatalog.Articles)
        {
            Assert.Equal(1, ArchiveProbe.Count(dbPath, "SELECT count(*) FROM articles WHERE url_key = $k", ("$k", UrlNormalizer.NormalizeString(_world.Site.UriFor(article.Path)))));
        }
    }

    private long StoredCount() => ArchiveProbe.Count(DbPath, "SELECT count(*) FROM articles");

    private int ArticleRequests() => _world.Site.RequestLog.Count(p => TestSiteCatalog.Articles.Any(a => p.StartsWith(a.Path, StringComparison.Ordinal)));
}
