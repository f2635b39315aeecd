using NewsArchive.Storage;
using NewsArchive.Tests.Cli;
using NewsArchive.Tests.Fetching;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Reliability;

public sealed class ArchiveLockTests : IDisposable
{
    private readonly TempArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public async Task Fetch_WhileAnotherFetchHoldsTheArchive_RefusesAndReadsStillWork()
    {
        var cli = new CliRunner(_archive.Path, new FixedClock(TestSiteCatalog.ReferenceNow));
        Assert.Equal(0, (await cli.RunAsync("sites", "add", "https://abreview.ru/ab/news/")).ExitCode);

        using (ArchiveLock.Acquire(_archive.Path))
        {
            var fetch = await cli.RunAsync("fetch", "--delay", "0");
            Assert.Equal(3, fetch.ExitCode);
            Assert.Contains("another fetch is running", fetch.Error);

            Assert.Equal(0, (await cli.RunAsync("list")).ExitCode);
            Assert.Equal(0, (await cli.RunAsync("sites", "list")).ExitCode);
        }
    }

    [Fact]
    public async Task Commands_WhileAChildProcessFetches_ReadsAnswerAndASecondFetchIsRefusedWithOneLine()
    {
        await using var site = await NewsTestSite.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            site.AddArticle(TestSiteCatalog.ScenarioArticle($"lock-{i}", 340000 + i, 1 + i * 0.5));
        }
        var cli = new CliRunner(_archive.Path, new FixedClock(TestSiteCatalog.ReferenceNow));
        var listing = site.UriFor(TestSiteCatalog.ListingPath).AbsoluteUri;
        var articles = site.Articles;
        bool IsArticle(string path) => articles.Any(a => path.StartsWith(a.Path, StringComparison.Ordinal));

        using var child = CliProcess.Start(_archive.Path, "fetch", listing, "--since", "2026-01-01", "--revisit-days", "0", "--delay", "0.3");
        try
        {
            await Eventually.TrueAsync(() => child.HasExited || site.RequestLog.Count(IsArticle) >= 3, "the child fetching articles");
            Assert.False(child.HasExited, "the child fetch ended before the readers ran");

            // WAL: readers see the last committed page while the child writes the next one.
            var list = await cli.RunAsync("list", "--format", "json");
            Assert.True(list.ExitCode == 0, list.ToString());
            Assert.NotEmpty(list.JsonLines());
            var search = await cli.RunAsync("search", "дилеры", "--format", "json");
            Assert.True(search.ExitCode == 0, search.ToString());
            var export = await cli.RunAsync("export", "csv");
            Assert.True(export.ExitCode == 0, export.ToString());
            Assert.StartsWith("id,url,site,title", export.Output);

            var second = await cli.RunAsync("fetch", "--delay", "0");
            Assert.True(second.ExitCode == 3, second.ToString());
            Assert.Equal($"newsarchive: another fetch is running on {_archive.Path} (lock {_archive.Path}.lock is held)", second.Error.Trim());
            Assert.False(child.HasExited, "the child fetch ended while the readers ran: they may not have overlapped it");
        }
        finally
        {
            await CliProcess.KillAsync(child);
        }
        Assert.Empty(new ArchiveConsistency().Check(_archive.Path));
    }

    [Fact]
    public void Acquire_AfterRelease_Succeeds()
    {
        using (ArchiveLock.Acquire(_archive.Path))
        {
            Assert.Throws<ArchiveException>(() => ArchiveLock.Acquire(_archive.Path));
        }
        using var again = ArchiveLock.Acquire(_archive.Path);
    }
}
