using System.Diagnostics;
using NewsArchive.Crawling;
using NewsArchive.Tests.Fetching;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Cli;

/// <summary>
/// <c>fetch</c> and <c>runs</c> through the CLI entry point, plus runs of the real <c>newsarchive</c> process that are
/// killed or interrupted half-way, against the loopback test site.
/// </summary>
public sealed class FetchCommandTests : LoopbackSiteCliTests
{
    private long ArticleCount() => ArchiveProbe.Count(Archive.Path, "SELECT count(*) FROM articles");

    private bool IsArticleRequest(string pathAndQuery) => TestSiteCatalog.Articles.Any(a => pathAndQuery.StartsWith(a.Path, StringComparison.Ordinal));

    [Fact]
    public async Task Fetch_WithShellAndPdf_ExitsOneAndRunsShowListsTheFailureWithItsReason()
    {
        var shell = TestSiteCatalog.ScenarioArticle("cli-shell", 310001, 1, TestResponseBehavior.JsShell);
        var pdf = TestSiteCatalog.ScenarioArticle("cli-pdf", 310002, 2, TestResponseBehavior.Pdf);
        Site.AddArticle(shell);
        Site.AddArticle(pdf);
        var log = Path.Combine(Archive.Directory, "fetch.log");

        var fetch = await Cli.RunAsync("fetch", Listing, "--delay", "0", "--log-file", log);

        Assert.True(fetch.ExitCode == 1, fetch.ToString());
        Assert.Contains($"failed {Site.UriFor(shell.Path)}: JavaScript-only page", fetch.Output);
        Assert.DoesNotContain("cli-pdf", fetch.Output);
        Assert.Matches(@"(?m)^127\.0\.0\.1: 16 stored, 1 failed, \d+ skipped", fetch.Output);
        Assert.Matches(@"(?m)^total: 16 stored, 1 failed, .* \(run 1\)$", fetch.Output);
        Assert.Contains($"failed {Site.UriFor(shell.Path)}", fetch.Error);
        Assert.DoesNotContain('\u001b', fetch.Output + fetch.Error);
        var logText = await File.ReadAllTextAsync(log);
        Assert.Contains("info 127.0.0.1: stored ", logText);
        Assert.Contains("WARN 127.0.0.1: failed ", logText);
        Assert.Contains("total: 16 stored", logText);

        var runs = await Cli.RunAsync("runs", "--format", "json");
        Assert.True(runs.ExitCode == 0, runs.ToString());
        var run = Assert.Single(runs.JsonLines());
        Assert.Equal(1, run.GetProperty("id").GetInt64());
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Equal(16, run.GetProperty("stored").GetInt32());
        Assert.Equal(1, run.GetProperty("failed").GetInt32());
        Assert.True(run.GetProperty("seconds").GetDouble() >= 0);

        var show = await Cli.RunAsync("runs", "show", "1");
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains($"  failed {Site.UriFor(shell.Path)}: JavaScript-only page", show.Output);
        var showJson = (await Cli.RunAsync("runs", "show", "1", "--format", "json")).JsonLines().Single();
        var failure = Assert.Single(showJson.GetProperty("sites")[0].GetProperty("failures").EnumerateArray());
        Assert.Equal(Site.UriFor(shell.Path).AbsoluteUri, failure.GetProperty("url").GetString());

        var missing = await Cli.RunAsync("runs", "show", "42");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("newsarchive: no run 42 (see 'newsarchive runs')", missing.Error.Trim());
    }

    [Fact]
    public async Task Fetch_SecondRunFindsNothing_WarnsNoNewArticleAndExitsZero()
    {
        var first = await Cli.RunAsync("fetch", Listing, "--delay", "0", "--revisit-days", "0");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.DoesNotContain("warning:", first.Output);

        var second = await Cli.RunAsync("fetch", "--delay", "0", "--revisit-days", "0");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("127.0.0.1: 0 stored, 0 failed", second.Output);
        Assert.Contains("  warning: no new article", second.Output);
        var runs = await Cli.RunAsync("runs");
        var lines = runs.Output.Trim().Split('\n');
        Assert.Equal("ID\tSTARTED\tDURATION\tSTATUS\tSITES\tFOUND\tFETCHED\tSTORED\tFAILED", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2\t", lines[1]);
        Assert.Contains("\tok\t", lines[1]);
    }

    [Fact]
    public async Task Fetch_DryRun_PrintsWhatWouldBeFetchedAndChangesNothing()
    {
        var add = await Cli.RunAsync("sites", "add", Listing, "--name", "abreview");
        Assert.Equal(0, add.ExitCode);

        var dry = await Cli.RunAsync("fetch", "--dry-run", "--delay", "0");

        Assert.True(dry.ExitCode == 0, dry.ToString());
        var planned = dry.Output.Trim().Split('\n');
        Assert.Equal(TestSiteCatalog.Articles.Count, planned.Length);
        Assert.All(planned, line => Assert.StartsWith("abreview\thttp://127.0.0.1:", line));
        Assert.Contains("nothing was written", dry.Error);
        Assert.DoesNotContain(Site.RequestLog, IsArticleRequest);
        Assert.Equal(0, ArticleCount());
        Assert.Equal(0, ArchiveProbe.Count(Archive.Path, "SELECT count(*) FROM frontier"));
        Assert.Equal(0, ArchiveProbe.Count(Archive.Path, "SELECT count(*) FROM runs"));
    }

    [Fact]
    public async Task Fetch_WhileAnotherFetchHoldsTheArchive_RefusedAtOnceAndReadsStillWork()
    {
        var first = await Cli.RunAsync("fetch", Listing, "--delay", "0");
        Assert.True(first.ExitCode == 0, first.ToString());

        using (NewsArchive.Storage.ArchiveLock.Acquire(Archive.Path))
        {
            var second = await Cli.RunAsync("fetch", "--delay", "0");
            Assert.Equal(3, second.ExitCode);
            Assert.StartsWith("newsarchive: another fetch is running on ", second.Error.Trim());
            Assert.Single(second.Error.Trim().Split('\n'));

            var list = await Cli.RunAsync("list", "--format", "json");
            Assert.Equal(0, list.ExitCode);
            Assert.Equal(TestSiteCatalog.Articles.Count, list.JsonLines().Count);
            Assert.Equal(0, (await Cli.RunAsync("runs")).ExitCode);
        }
        Assert.Equal(1, ArchiveProbe.Count(Archive.Path, "SELECT count(*) FROM runs"));
    }

    [Fact]
    public async Task Fetch_BadOptions_ExitTwoWithOneLine()
    {
        foreach (var args in new[] { new[] { "fetch", "--concurrency", "0" }, ["fetch", "--revisit-days", "-1"], ["fetch", "--since", "yesterday"], ["fetch", "--timeout", "0"] })
        {
            var result = await Cli.RunAsync(args);
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Single(result.Error.Trim().Split('\n'));
        }
    }

    [Fact]
    public async Task Fetch_ProcessKilledMidRun_NextFetchFinishesWithNoDuplicateAndNoLoss()
    {
        using (var child = StartChild("--delay", "0.3"))
        {
            try
            {
                await Eventually.TrueAsync(() => Site.RequestLog.Count(IsArticleRequest) >= 4, "the child fetching articles");
            }
            finally
            {
                await CliProcess.KillAsync(child);
            }
        }
        var before = TestSiteCatalog.Articles.ToDictionary(a => a.Path, Requests);
        var storedByChild = ArticleCount();
        Assert.InRange(storedByChild, 1, TestSiteCatalog.Articles.Count - 1);

        var resume = await Cli.RunAsync("fetch", "--delay", "0", "--since", "2026-01-01", "--revisit-days", "0");

        Assert.True(resume.ExitCode == 0, resume.ToString());
        Assert.Equal(TestSiteCatalog.Articles.Count, ArticleCount());
        foreach (var article in TestSiteCatalog.Articles)
        {
            var key = UrlNormalizer.NormalizeString(Site.UriFor(article.Path));
            Assert.Equal(1, ArchiveProbe.Count(Archive.Path, "SELECT count(*) FROM articles WHERE url_key = $k", ("$k", key)));
        }
        // What the killed run stored was not fetched again.
        var refetched = TestSiteCatalog.Articles.Count(a => before[a.Path] > 0 && Requests(a) > before[a.Path]);
        Assert.True(refetched <= 1, $"{refetched} articles fetched again (only the one in flight may be)");
        Assert.Equal("ok", ArchiveProbe.Scalar(Archive.Path, "PRAGMA integrity_check"));
        Assert.Equal("killed", ArchiveProbe.Scalar(Archive.Path, "SELECT status FROM runs WHERE id = 1"));
        Assert.Equal("ok", ArchiveProbe.Scalar(Archive.Path, "SELECT status FROM runs WHERE id = 2"));
    }

    [Fact]
    public async Task Fetch_SigintMidRun_StopsAfterThePageInFlightWithExitCode130()
    {
        using var child = StartChild("--delay", "0.3");
        try
        {
            await Eventually.TrueAsync(() => Site.RequestLog.Count(IsArticleRequest) >= 3, "the child fetching articles");
        }
        catch
        {
            child.Kill();
            throw;
        }
        await CliProcess.InterruptAsync(child);
        var error = child.StandardError.ReadToEndAsync();
        var output = child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();

        Assert.True(child.ExitCode == 130, $"exit {child.ExitCode}\n{await output}\n{await error}");
        Assert.True((await error).Contains("interrupted", StringComparison.Ordinal), $"stdout:\n{await output}\nstderr:\n{await error}");
        // Every article requested was finished and stored: nothing was cut half-way.
        var log = Site.RequestLog;
        var requested = TestSiteCatalog.Articles.Count(a => log.Any(p => p.StartsWith(a.Path, StringComparison.Ordinal)));
        Assert.Equal(requested, ArticleCount());
        Assert.True(requested < TestSiteCatalog.Articles.Count);
        Assert.Equal("interrupted", ArchiveProbe.Scalar(Archive.Path, "SELECT status FROM runs WHERE id = 1"));
        Assert.Equal("ok", ArchiveProbe.Scalar(Archive.Path, "PRAGMA integrity_check"));
    }

    private int Requests(TestArticle article) => Site.RequestLog.Count(p => p.StartsWith(article.Path, StringComparison.Ordinal));

    /// <summary>The real command, <c>newsarchive fetch URL</c>, on the test archive.</summary>
    private Process StartChild(params string[] extra) =>
        CliProcess.Start(Archive.Path, ["fetch", Listing, "--since", "2026-01-01", "--revisit-days", "0", .. extra]);
}
