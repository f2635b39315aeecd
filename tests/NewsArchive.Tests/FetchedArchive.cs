using NewsArchive.Tests.Cli;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests;

/// <summary>
/// A fresh archive, the loopback test site, and the CLI over both at the site's reference time: what every test that
/// queries a really fetched archive starts from. <see cref="FetchAsync"/> adds the site as "abreview" and fetches it.
/// </summary>
public sealed class FetchedArchive : IAsyncDisposable
{
    private FetchedArchive(NewsTestSite site)
    {
        Site = site;
        Cli = new CliRunner(Archive.Path, new FixedClock(TestSiteCatalog.ReferenceNow));
    }

    public TempArchive Archive { get; } = new();

    public string Path => Archive.Path;

    public NewsTestSite Site { get; }

    public CliRunner Cli { get; }

    public static async Task<FetchedArchive> StartAsync() => new(await NewsTestSite.StartAsync());

    public async Task FetchAsync()
    {
        var add = await Cli.RunAsync("sites", "add", Site.UriFor(TestSiteCatalog.ListingPath).AbsoluteUri, "--name", "abreview");
        Assert.True(add.ExitCode == 0, add.ToString());
        // One site at a time in one order, so that article ids are the same on every run.
        var fetch = await Cli.RunAsync("fetch", "--delay", "0", "--concurrency", "1");
        Assert.True(fetch.ExitCode == 0, fetch.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        Archive.Dispose();
    }
}
