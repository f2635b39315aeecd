using NewsArchive.Tests.Cli;

namespace NewsArchive.Tests.TestSite;

/// <summary>A fresh archive, the loopback test site and the CLI entry point on that archive, for one test.</summary>
public sealed class LoopbackArchive : IAsyncDisposable
{
    private LoopbackArchive(NewsTestSite site, TempArchive archive)
    {
        Site = site;
        Archive = archive;
        Cli = new CliRunner(archive.Path, new FixedClock(TestSiteCatalog.ReferenceNow));
    }

    public NewsTestSite Site { get; }

    public TempArchive Archive { get; }

    /// <summary>The CLI on <see cref="Archive"/> with the test site's reference time and no environment variables.</summary>
    public CliRunner Cli { get; }

    /// <summary>The site's news listing, the start URL to give <c>fetch</c>.</summary>
    public string Listing => Site.UriFor(TestSiteCatalog.ListingPath).AbsoluteUri;

    public static async Task<LoopbackArchive> StartAsync() => new(await NewsTestSite.StartAsync(), new TempArchive());

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        Archive.Dispose();
    }
}
