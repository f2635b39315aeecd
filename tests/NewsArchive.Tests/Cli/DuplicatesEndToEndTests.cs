using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Cli;

/// <summary>A reposted article on the loopback site: the same text under another URL is an exact duplicate, a lightly edited copy a near one.</summary>
public sealed class DuplicatesEndToEndTests : IAsyncLifetime
{
    private readonly TempArchive _archive = new();
    private NewsTestSite _site = null!;
    private CliRunner _cli = null!;

    public async Task InitializeAsync()
    {
        _site = await NewsTestSite.StartAsync();
        _cli = new CliRunner(_archive.Path, new FixedClock(TestSiteCatalog.ReferenceNow));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _archive.Dispose();
    }

    [Fact]
    public async Task Show_RepostedArticle_NamesItsExactAndNearDuplicates()
    {
        var original = TestSiteCatalog.Articles.OrderByDescending(a => a.BodyParagraphs.Sum(p => p.Length)).First();
        var repost = original with
        {
            Path = "/ab/news/rynok/repost-same-text/", Id = 9001, Title = "Перепечатка: " + original.Title,
            Published = TestSiteCatalog.ReferenceNow.AddHours(-1), RelatedPaths = [],
        };
        var edited = original with
        {
            Path = "/ab/news/rynok/repost-edited/", Id = 9002, Title = "Пересказ: " + original.Title,
            Published = TestSiteCatalog.ReferenceNow.AddHours(-2), RelatedPaths = [],
            BodyParagraphs = [.. original.BodyParagraphs.SkipLast(1), original.BodyParagraphs[^1] + " Об этом сообщила пресс-служба."],
        };
        _site.AddArticle(repost);
        _site.AddArticle(edited);
        Assert.Equal(0, (await _cli.RunAsync("sites", "add", _site.UriFor(TestSiteCatalog.ListingPath).AbsoluteUri, "--name", "abreview")).ExitCode);
        var fetch = await _cli.RunAsync("fetch", "--delay", "0");
        Assert.True(fetch.ExitCode == 0, fetch.ToString());

        var show = await _cli.RunAsync("show", _site.UriFor(original.Path).AbsoluteUri, "--format", "json");
        Assert.True(show.ExitCode == 0, show.ToString());
        var duplicates = show.JsonLines().Single().GetProperty("duplicates").EnumerateArray()
            .Select(d => (Url: d.GetProperty("url").GetString(), Match: d.GetProperty("match").GetString(), Site: d.GetProperty("site").GetString()))
            .ToList();
        Assert.Equal([(_site.UriFor(repost.Path).AbsoluteUri, "same_text", "abreview"), (_site.UriFor(edited.Path).AbsoluteUri, "near_text", "abreview")], duplicates);

        var text = await _cli.RunAsync("show", _site.UriFor(repost.Path).AbsoluteUri);
        Assert.Contains("Exact duplicates (the same canonical URL or the same text):", text.Output);
        Assert.Contains($"{original.Title}  {_site.UriFor(original.Path).AbsoluteUri}  (same text)", text.Output);
        Assert.Contains("Near-duplicates", text.Output);
    }
}
