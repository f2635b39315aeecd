using System.Globalization;
using NewsArchive.Crawling;
using NewsArchive.Tests.Cli;
using NewsArchive.Tests.Fetching;
using NewsArchive.Tests.TestSite;
using Xunit.Abstractions;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// Kills a real <c>newsarchive fetch</c> (SIGKILL) at random moments, again and again on one archive, so each child
/// resumes what the last one left: after every kill the archive is consistent (<see cref="ArchiveConsistency"/>), and
/// a last run completes the work with every article stored once. The delays come from a seed, printed with any
/// failure; <c>NEWSARCHIVE_CRASH_SEED=N</c> replays one.
/// </summary>
public sealed class CrashHarnessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Kills = 21;
    private const int ExtraArticles = 24;
    private readonly TempArchive _archive = new();
    private NewsTestSite _site = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsTestSite.StartAsync();
        // More pages than the catalogue's so that the kills land in every phase of a longer crawl.
        for (var i = 0; i < ExtraArticles; i++)
        {
            _site.AddArticle(TestSiteCatalog.ScenarioArticle($"crash-{i}", 330000 + i, 1 + i * 0.5));
        }
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _archive.Dispose();
    }

    [Fact]
    public async Task Fetch_KilledAtRandomMoments_ArchiveStaysConsistentAndTheLastRunCompletesTheWork()
    {
        var seed = Environment.GetEnvironmentVariable("NEWSARCHIVE_CRASH_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var replay = $"seed {seed}, replay with NEWSARCHIVE_CRASH_SEED={seed}";
        var random = new Random(seed);
        var consistency = new ArchiveConsistency();
        var storedAtKill = new List<long>();
        var listing = _site.UriFor(TestSiteCatalog.ListingPath).AbsoluteUri;

        for (var kill = 1; kill <= Kills; kill++)
        {
            var requestsBefore = _site.RequestLog.Count;
            using var child = CliProcess.Start(_archive.Path, "fetch", listing, "--since", "2026-01-01", "--revisit-days", "0", "--delay", "0.02");
            var phase = (kill % 4) switch { 1 => "start-up", 2 => "discovery", _ => "fetching articles" };
            int delay;
            try
            {
                if (phase == "discovery")
                {
                    await Eventually.TrueAsync(() => child.HasExited || _site.RequestLog.Count > requestsBefore, $"child {kill} to start crawling ({replay})");
                }
                else if (phase == "fetching articles")
                {
                    // One host is fetched a page at a time: the n-th article request comes after the (n-1)-th page was
                    // parsed and stored, so waiting for it lands the kill among the article writes.
                    var requests = random.Next(1, 5);
                    await Eventually.TrueAsync(() => child.HasExited || _site.RequestLog.Skip(requestsBefore).Count(IsArticle) >= requests, $"child {kill} to fetch {requests} articles ({replay})");
                }
                // Start-up kills land in opening or migrating the archive, taking the lock, starting the run record.
                delay = random.Next(0, phase == "fetching articles" ? 120 : 800);
                await Task.Delay(delay);
            }
            finally
            {
                await CliProcess.KillAsync(child);
            }

            var problems = consistency.Check(_archive.Path);
            Assert.True(problems.Count == 0, $"after kill {kill} ({phase}, {delay} ms; {replay}):\n{string.Join('\n', problems)}");
            storedAtKill.Add(StoredArticles());
            output.WriteLine($"kill {kill}: {phase}, {delay} ms after, {storedAtKill[^1]} articles stored");
        }

        var cli = new CliRunner(_archive.Path, TimeProvider.System);
        var last = await cli.RunAsync("fetch", "--delay", "0", "--since", "2026-01-01", "--revisit-days", "0");

        Assert.True(last.ExitCode == 0, $"{replay}\n{last}");
        Assert.Empty(consistency.Check(_archive.Path));
        foreach (var article in _site.Articles)
        {
            var key = UrlNormalizer.NormalizeString(_site.UriFor(article.Path));
            Assert.True(ArchiveProbe.Count(_archive.Path, "SELECT count(*) FROM articles WHERE url_key = $k", ("$k", key)) == 1, $"{article.Path} not stored exactly once ({replay})");
        }
        Assert.Equal(_site.Articles.Count, StoredArticles());
        Assert.Equal(0, ArchiveProbe.Count(_archive.Path, "SELECT count(*) FROM runs WHERE status = 'running'"));
        // The harness tested something: some kill cut a crawl that had stored part of the catalogue.
        Assert.True(storedAtKill.Exists(n => n > 0 && n < _site.Articles.Count), $"no kill landed mid-crawl: {string.Join(", ", storedAtKill)} ({replay})");
    }

    private bool IsArticle(string pathAndQuery) => _site.Articles.Any(a => pathAndQuery.StartsWith(a.Path, StringComparison.Ordinal));

    private long StoredArticles() =>
        File.Exists(_archive.Path) && ArchiveProbe.Count(_archive.Path, "SELECT count(*) FROM sqlite_schema WHERE name = 'articles'") == 1
            ? ArchiveProbe.Count(_archive.Path, "SELECT count(*) FROM articles")
            : 0;
}
