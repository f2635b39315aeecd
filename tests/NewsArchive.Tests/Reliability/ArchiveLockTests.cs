using NewsArchive.Storage;
using NewsArchive.Tests.Cli;
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
    public void Acquire_AfterRelease_Succeeds()
    {
        using (ArchiveLock.Acquire(_archive.Path))
        {
            Assert.Throws<ArchiveException>(() => ArchiveLock.Acquire(_archive.Path));
        }
        using var again = ArchiveLock.Acquire(_archive.Path);
    }
}
