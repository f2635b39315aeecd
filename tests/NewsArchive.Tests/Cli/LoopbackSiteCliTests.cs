using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Cli;

/// <summary>CLI tests against the loopback test site: a fresh archive and site per test, the clock at the catalogue's reference time.</summary>
public abstract class LoopbackSiteCliTests : IAsyncLifetime
{
    protected TempArchive Archive { get; } = new();
    protected NewsTestSite Site { get; private set; } = null!;
    protected CliRunner Cli { get; private set; } = null!;

    protected string Listing => Site.UriFor(TestSiteCatalog.ListingPath).AbsoluteUri;

    public async Task InitializeAsync()
    {
        Site = await NewsTestSite.StartAsync();
        Cli = new CliRunner(Archive.Path, new FixedClock(TestSiteCatalog.ReferenceNow));
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        Archive.Dispose();
    }
}
