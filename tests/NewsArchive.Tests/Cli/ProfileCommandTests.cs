using System.Text.Json;
using NewsArchive.Crawling;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Cli;

/// <summary>Site profiles through the CLI: extract --profile, sites add/profile, profile suggest and a crawl that uses a stored profile.</summary>
public sealed class ProfileCommandTests : LoopbackSiteCliTests
{
    private string Write(string name, string text)
    {
        var path = Path.Combine(Archive.Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertUsageError(CliResult result, string expected)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("newsarchive: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("{\"title\": ", "invalid JSON")]
    [InlineData("{\"title\": \"h1\", \"bodyy\": \".text\"}", "unknown field 'bodyy'")]
    [InlineData("{\"body\": \"div..text\"}", "is not a valid CSS selector")]
    public async Task ExtractAndSites_InvalidProfile_ExitTwoWithOneLine(string json, string expected)
    {
        var profile = Write("bad.json", json);
        var page = Write("page.html", "<html><body><p>Текст.</p></body></html>");

        AssertUsageError(await Cli.RunAsync("extract", page, "--profile", profile), expected);
        AssertUsageError(await Cli.RunAsync("sites", "add", Listing, "--profile", profile), expected);
        Assert.Empty((await Cli.RunAsync("sites", "list", "--format", "json")).JsonLines());

        Assert.Equal(0, (await Cli.RunAsync("sites", "add", Listing, "--name", "abreview")).ExitCode);
        AssertUsageError(await Cli.RunAsync("sites", "profile", "abreview", profile), expected);
        Assert.Contains("abreview has no profile", (await Cli.RunAsync("sites", "profile", "abreview")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SitesProfile_MissingFileOrSite_ExitTwo()
    {
        Assert.Equal(0, (await Cli.RunAsync("sites", "add", Listing, "--name", "abreview")).ExitCode);
        var profile = Write("ok.json", "{\"title\": \"h1\"}");

        AssertUsageError(await Cli.RunAsync("sites", "profile", "abreview", Path.Combine(Archive.Directory, "nope.json")), "cannot read profile");
        AssertUsageError(await Cli.RunAsync("sites", "profile", "nosuchsite", profile), "no site named 'nosuchsite'");
        AssertUsageError(await Cli.RunAsync("sites", "profile", "abreview", profile, "--clear"), "not both");
    }

    [Fact]
    public async Task SitesProfile_AttachPrintClear_StoredAsValidatedJson()
    {
        var profile = Write("p.json", """{"body": ".news-detail-text", "drop": ".detail-picture"}""");
        var add = await Cli.RunAsync("sites", "add", Listing, "--name", "abreview", "--profile", profile);
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Contains("with a profile", add.Output, StringComparison.Ordinal);

        var shown = await Cli.RunAsync("sites", "profile", "abreview");
        using (var json = JsonDocument.Parse(shown.Output))
        {
            Assert.Equal(".news-detail-text", json.RootElement.GetProperty("body").GetString());
            Assert.Equal(".detail-picture", json.RootElement.GetProperty("drop")[0].GetString());
        }
        Assert.True((await Cli.RunAsync("sites", "list", "--format", "json")).JsonLines().Single().GetProperty("profile").GetBoolean());

        var cleared = await Cli.RunAsync("sites", "profile", "abreview", "--clear");
        Assert.Contains("profile removed", cleared.Output, StringComparison.Ordinal);
        Assert.False((await Cli.RunAsync("sites", "list", "--format", "json")).JsonLines().Single().GetProperty("profile").GetBoolean());

        Assert.Equal(0, (await Cli.RunAsync("sites", "profile", "abreview", profile)).ExitCode);
        Assert.Contains(".news-detail-text", (await Cli.RunAsync("sites", "profile", "abreview")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfileSuggest_TwoTestSitePages_SelectorsReproduceTheGenericResult()
    {
        // One sample with a meta date and one whose date is only visible: the suggestion must serve both.
        var articles = new[]
        {
            TestSiteCatalog.Articles.First(a => a.RelatedPaths.Count > 0 && a.HasPublishedTimeMeta),
            TestSiteCatalog.Articles.First(a => a.RelatedPaths.Count > 0 && !a.HasPublishedTimeMeta),
            TestSiteCatalog.Articles.Last(a => a.RelatedPaths.Count > 0),
        };
        var profilePath = Path.Combine(Archive.Directory, "suggested.json");

        var suggest = await Cli.RunAsync("profile", "suggest", Site.UriFor(articles[0].Path).AbsoluteUri, Site.UriFor(articles[1].Path).AbsoluteUri, "--out", profilePath);
        Assert.True(suggest.ExitCode == 0, suggest.ToString());
        using (var json = JsonDocument.Parse(File.ReadAllText(profilePath)))
        {
            var root = json.RootElement;
            Assert.Contains("news-detail", root.GetProperty("body").GetString(), StringComparison.Ordinal);
            Assert.Contains("span.news-date-time", root.GetProperty("date").GetProperty("selector").GetString(), StringComparison.Ordinal);
            Assert.Equal("span.news-views", root.GetProperty("views").GetString());
            Assert.True(root.TryGetProperty("related", out _), File.ReadAllText(profilePath));
            Assert.DoesNotContain("nth-child", File.ReadAllText(profilePath), StringComparison.Ordinal);
            Assert.DoesNotContain("bx_", File.ReadAllText(profilePath), StringComparison.Ordinal);
        }

        // On the samples, and on a third page it never saw, the profile gives what the generic extractor gives.
        foreach (var article in articles)
        {
            var url = Site.UriFor(article.Path).AbsoluteUri;
            var generic = (await Cli.RunAsync("extract", url)).JsonLines().Single();
            var profiled = await Cli.RunAsync("extract", url, "--profile", profilePath);
            Assert.True(profiled.ExitCode == 0, profiled.ToString());
            var withProfile = profiled.JsonLines().Single();
            Assert.Contains("body", withProfile.GetProperty("profile_fields").EnumerateArray().Select(f => f.GetString()));
            foreach (var field in new[] { "kind", "title", "published", "modified", "authors", "lead", "body", "body_html", "related", "links", "views", "comments" })
            {
                Assert.True(generic.GetProperty(field).ToString() == withProfile.GetProperty(field).ToString(),
                    $"{article.Path} {field}:\n{generic.GetProperty(field)}\n{withProfile.GetProperty(field)}");
            }
        }
    }

    [Fact]
    public async Task Extract_UrlAndFileTogether_EachParsedAndAMissingPageExitsOne()
    {
        var article = TestSiteCatalog.Articles[0];
        var file = Write("saved.html", "<html><head><title>Сохранённая</title></head><body><p>Сохранённая страница.</p></body></html>");
        var missing = Site.UriFor("/ab/news/no-such-story/").AbsoluteUri;

        var result = await Cli.RunAsync("extract", Site.UriFor(article.Path).AbsoluteUri, file, missing);

        Assert.True(result.ExitCode == 1, result.ToString());
        var pages = result.JsonLines();
        Assert.Equal(2, pages.Count);
        Assert.Equal(article.Title, pages[0].GetProperty("title").GetString());
        Assert.Equal("Сохранённая", pages[1].GetProperty("title").GetString());
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"newsarchive: cannot read {missing}: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfileSuggest_OutExists_RefusedWithoutForce()
    {
        var text = string.Concat(Enumerable.Repeat("<p>Текст новости, достаточно длинный, чтобы его посчитали текстом статьи, с запятыми, цифрами и выводами.</p>", 4));
        var page = Write("page.html", $"<html><head><title>Заголовок новости</title></head><body><h1 class=\"t\">Заголовок новости</h1><div class=\"text\">{text}</div></body></html>");
        var existing = Write("exists.json", "{}");

        AssertUsageError(await Cli.RunAsync("profile", "suggest", page, "--out", existing), "already exists");
        Assert.Equal("{}", File.ReadAllText(existing));
        var forced = await Cli.RunAsync("profile", "suggest", page, "--out", existing, "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("\"title\": \"h1.t\"", File.ReadAllText(existing), StringComparison.Ordinal);

        AssertUsageError(await Cli.RunAsync("profile", "suggest", Path.Combine(Archive.Directory, "missing.html")), "cannot read");
    }

    [Fact]
    public async Task Fetch_SiteWithStoredProfile_ParsesItsPagesWithIt()
    {
        // The generic body starts with the lead and ends with the picture caption; this profile wants neither.
        var profile = Write("p.json", """{"body": ".news-detail-text", "drop": [".detail-picture"], "listing_items": ".news-item a.news-item-title"}""");
        Assert.Equal(0, (await Cli.RunAsync("sites", "add", Listing, "--name", "abreview", "--profile", profile)).ExitCode);

        var fetch = await Cli.RunAsync("fetch", "--delay", "0");
        Assert.True(fetch.ExitCode == 0, fetch.ToString());

        Assert.Equal(TestSiteCatalog.Articles.Count, (await Cli.RunAsync("list", "--format", "json")).JsonLines().Count);
        foreach (var article in TestSiteCatalog.Articles.Take(5))
        {
            var shown = (await Cli.RunAsync("show", Site.UriFor(article.Path).AbsoluteUri, "--format", "json")).JsonLines().Single();
            var body = shown.GetProperty("body").GetString()!;
            Assert.Contains(article.BodyParagraphs[0], body, StringComparison.Ordinal);
            Assert.DoesNotContain(article.Lead, body, StringComparison.Ordinal);
            Assert.DoesNotContain(article.ImageCaption, body, StringComparison.Ordinal);
            Assert.DoesNotContain(article.ImageCaption, shown.GetProperty("body_html").GetString()!, StringComparison.Ordinal);
        }
    }
}
