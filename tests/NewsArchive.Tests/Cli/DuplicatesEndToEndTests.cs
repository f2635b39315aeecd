using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Cli;

/// <summary>A reposted article on the loopback site: the same text under another URL is an exact duplicate, a lightly edited copy a near one.</summary>
public sealed class DuplicatesEndToEndTests : IAsyncLifetime
{
    private FetchedArchive _fetched = null!;

    public async Task InitializeAsync() => _fetched = await FetchedArchive.StartAsync();

    public async Task DisposeAsync() => await _fetched.DisposeAsync();

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
        _fetched.Site.AddArticle(repost);
        _fetched.Site.AddArticle(edited);
        await _fetched.FetchAsync();

        var show = await _fetched.Cli.RunAsync("show", _fetched.Site.UriFor(original.Path).AbsoluteUri, "--format", "json");
        Assert.True(show.ExitCode == 0, show.ToString());
        var duplicates = show.JsonLines().Single().GetProperty("duplicates").EnumerateArray()
            .Select(d => (Url: d.GetProperty("url").GetString(), Match: d.GetProperty("match").GetString(), Site: d.GetProperty("site").GetString()))
            .ToList();
        Assert.Equal([(_fetched.Site.UriFor(repost.Path).AbsoluteUri, "same_text", "abreview"), (_fetched.Site.UriFor(edited.Path).AbsoluteUri, "near_text", "abreview")], duplicates);

        var text = await _fetched.Cli.RunAsync("show", _fetched.Site.UriFor(repost.Path).AbsoluteUri);
        Assert.Contains("Exact duplicates (the same canonical URL or the same text):", text.Output);
        Assert.Contains($"{original.Title}  {_fetched.Site.UriFor(original.Path).AbsoluteUri}  (same text)", text.Output);
        Assert.Contains("Near-duplicates", text.Output);
    }
}
