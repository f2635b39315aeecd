using NewsArchive.Storage;

namespace NewsArchive.Tests.Cli;

public sealed class CompactCommandTests : IDisposable
{
    private readonly TempArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public async Task Compact_FetchedSources_RecompressesEachOnce()
    {
        using (var store = ArchiveStore.Open(_archive.Path))
        {
            var fixture = new FixtureArchive(store);
            fixture.Add("abreview", "1", "Продажи выросли", "Дилеры продали 500 электромобилей.", FixtureArchive.Now);
            fixture.Add("autostat", "2", "Итоги", "Текст.", FixtureArchive.Now);
        }
        var cli = new CliRunner(_archive.Path, new FixedClock(FixtureArchive.Now));

        var first = await cli.RunAsync("compact");
        var second = await cli.RunAsync("compact");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("recompressed 2 sources: ", first.Output);
        Assert.StartsWith("recompressed 0 sources: ", second.Output);
    }
}
