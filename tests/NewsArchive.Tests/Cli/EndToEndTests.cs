using System.Text.Json;
using NewsArchive.Crawling;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Cli;

/// <summary>The whole pipeline through the CLI: add the loopback site, fetch, then query it every way a user would.</summary>
public sealed class EndToEndTests : LoopbackSiteCliTests
{
    private async Task<CliResult> AddAndFetchAsync()
    {
        var add = await Cli.RunAsync("sites", "add", Site.UriFor(TestSiteCatalog.ListingPath).AbsoluteUri, "--name", "abreview");
        Assert.True(add.ExitCode == 0, add.ToString());
        var fetch = await Cli.RunAsync("fetch", "--delay", "0");
        Assert.True(fetch.ExitCode == 0, fetch.ToString());
        return fetch;
    }

    [Fact]
    public async Task Fetch_LoopbackSite_StoresEveryArticleWithExactTitleAndDate()
    {
        await AddAndFetchAsync();

        var list = await Cli.RunAsync("list", "--format", "json");
        Assert.Equal(0, list.ExitCode);
        var rows = list.JsonLines();
        Assert.Equal(TestSiteCatalog.Articles.Count, rows.Count);
        foreach (var expected in TestSiteCatalog.Articles)
        {
            var row = rows.SingleOrDefault(r => Key(r.GetProperty("url").GetString()!) == Key(Site.UriFor(expected.Path).AbsoluteUri));
            Assert.True(row.ValueKind == JsonValueKind.Object, $"missing {expected.Path}");
            Assert.Equal(expected.Title, row.GetProperty("title").GetString());
            var published = DateTimeOffset.Parse(row.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            if (TimeIsShown(expected))
            {
                Assert.Equal(expected.Published, published);
            }
            else
            {
                // Page and feed show only the day: the day, at midnight on the site's clock, is all there is to know.
                Assert.Equal(expected.Published.Date, published.Date);
                Assert.Equal(expected.Published.Offset, published.Offset);
            }
            Assert.Equal("abreview", row.GetProperty("site").GetString());
            Assert.Equal(expected.Views, row.GetProperty("views").GetInt32());
            Assert.Equal(expected.Comments, row.GetProperty("comments").GetInt32());
        }
    }

    [Fact]
    public async Task Fetch_LoopbackSite_BodiesHoldTextAndNoChrome()
    {
        await AddAndFetchAsync();
        foreach (var expected in TestSiteCatalog.Articles)
        {
            var show = await Cli.RunAsync("show", Site.UriFor(expected.Path).AbsoluteUri, "--format", "json");
            Assert.True(show.ExitCode == 0, show.ToString());
            var body = show.JsonLines().Single().GetProperty("body").GetString()!;
            var bodyHtml = show.JsonLines().Single().GetProperty("body_html").GetString()!;
            Assert.Contains("<p>", bodyHtml, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", bodyHtml, StringComparison.OrdinalIgnoreCase);
            foreach (var paragraph in expected.BodyParagraphs)
            {
                Assert.Contains(paragraph, body);
            }
            foreach (var chrome in TestSiteCatalog.ChromeStrings)
            {
                Assert.False(body.Contains(chrome, StringComparison.OrdinalIgnoreCase), $"{expected.Path}: body contains chrome '{chrome}'");
                Assert.False(bodyHtml.Contains(chrome, StringComparison.OrdinalIgnoreCase), $"{expected.Path}: body_html contains chrome '{chrome}'");
            }
            foreach (var comment in TestSiteCatalog.CommentTexts)
            {
                Assert.DoesNotContain(comment, body);
            }
            Assert.DoesNotContain(expected.Views.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n", body + "\n");
        }
    }

    [Fact]
    public async Task Show_Article_ListsItsRelatedNews()
    {
        await AddAndFetchAsync();
        var article = TestSiteCatalog.Articles.First(a => a.RelatedPaths.Count >= 2);
        var show = await Cli.RunAsync("show", Site.UriFor(article.Path).AbsoluteUri, "--format", "json");
        var related = show.JsonLines().Single().GetProperty("related").EnumerateArray().ToList();
        foreach (var path in article.RelatedPaths)
        {
            var target = TestSiteCatalog.Get(path);
            var link = related.SingleOrDefault(r => Key(r.GetProperty("url").GetString()!) == Key(Site.UriFor(path).AbsoluteUri));
            Assert.True(link.ValueKind == JsonValueKind.Object, $"related link to {path} missing:\n{show.Output}");
            Assert.Equal(target.Title, link.GetProperty("title").GetString());
            Assert.Equal(target.Published, DateTimeOffset.Parse(link.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        }

        var links = await Cli.RunAsync("links", Site.UriFor(article.Path).AbsoluteUri, "--kind", "related", "--format", "json");
        Assert.Equal(article.RelatedPaths.Count, links.JsonLines().Count);
        Assert.All(links.JsonLines(), l => Assert.Equal("related", l.GetProperty("kind").GetString()));

        var target0 = article.RelatedPaths[0];
        var incoming = await Cli.RunAsync("links", Site.UriFor(target0).AbsoluteUri, "--direction", "in", "--kind", "related", "--format", "json");
        Assert.Contains(incoming.JsonLines(), l => Key(l.GetProperty("url").GetString()!) == Key(Site.UriFor(article.Path).AbsoluteUri));
    }

    [Fact]
    public async Task Search_RussianWord_FindsArticlesThatContainIt()
    {
        await AddAndFetchAsync();
        var search = await Cli.RunAsync("search", "электромобилей", "--format", "json");
        Assert.True(search.ExitCode == 0, search.ToString());
        var expected = TestSiteCatalog.Articles
            .Where(a => a.BodyParagraphs.Any(p => p.Contains("электромобилей", StringComparison.OrdinalIgnoreCase)) || a.Title.Contains("электромобилей", StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Title).ToHashSet();
        Assert.NotEmpty(expected);
        var found = search.JsonLines().Select(r => r.GetProperty("title").GetString()).ToHashSet();
        Assert.Superset(expected, found!);

        var phrase = await Cli.RunAsync("search", "\"дилерский центр\"", "--format", "json");
        Assert.NotEmpty(phrase.JsonLines());

        var bad = await Cli.RunAsync("search", "\"unbalanced");
        Assert.Equal(2, bad.ExitCode);
        Assert.Single(bad.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Search_DictionaryForm_FindsEveryArticleWithAnyFormOfTheWord()
    {
        await AddAndFetchAsync();
        var stemmer = new NewsArchive.Storage.WordStemmer();
        var target = stemmer.Stem("электромобиль");
        var expected = TestSiteCatalog.Articles
            .Where(a => new[] { a.Title }.Concat(a.BodyParagraphs).Any(text => NewsArchive.Storage.WordStemmer.Tokenize(text)
                .Any(t => stemmer.Stem(text.AsSpan(t.Start, t.Length)) == target)))
            .Select(a => a.Title).ToHashSet();
        Assert.NotEmpty(expected);
        var search = await Cli.RunAsync("search", "электромобиль", "--format", "json");
        Assert.True(search.ExitCode == 0, search.ToString());
        var found = search.JsonLines().Select(r => r.GetProperty("title").GetString()!).ToHashSet();
        Assert.Superset(expected, found);
        Assert.All(search.JsonLines(), r => Assert.Contains("[", r.GetProperty("snippet").GetString()));
    }

    [Fact]
    public async Task ExportCsv_AllArticles_IsValidCsvWithBodies()
    {
        await AddAndFetchAsync();
        var file = Path.Combine(Archive.Directory, "out.csv");
        var export = await Cli.RunAsync("export", "csv", "--out", file);
        Assert.True(export.ExitCode == 0, export.ToString());

        using var reader = CsvHelper.CsvReader.Create(new StreamReader(file), new CsvHelper.CsvReaderOptions { HasHeader = false }, false);
        var records = new List<string[]>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i)!;
            }
            records.Add(fields);
        }
        Assert.Equal(["id", "url", "site", "title", "published", "modified", "authors", "views", "comments", "body"], records[0]);
        Assert.Equal(TestSiteCatalog.Articles.Count, records.Count - 1);
        var titleToBody = records.Skip(1).ToDictionary(r => r[3], r => r[9]);
        foreach (var article in TestSiteCatalog.Articles)
        {
            Assert.Contains(article.BodyParagraphs[0], titleToBody[article.Title]);
        }

        var again = await Cli.RunAsync("export", "csv", "--out", file);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--force", again.Error);
    }

    [Fact]
    public async Task Fetch_Twice_AddsNothingAndNeverTouchesDisallowedPaths()
    {
        await AddAndFetchAsync();
        var articleRequests = TestSiteCatalog.Articles.ToDictionary(a => a.Path, a => Site.CountRequests(a.Path));

        var second = await Cli.RunAsync("fetch", "--delay", "0");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("abreview: 0 stored", second.Output);
        foreach (var article in TestSiteCatalog.Articles)
        {
            Assert.Equal(articleRequests[article.Path], Site.CountRequests(article.Path));
        }
        var list = await Cli.RunAsync("list", "--format", "json");
        Assert.Equal(TestSiteCatalog.Articles.Count, list.JsonLines().Count);
        Assert.DoesNotContain(Site.RequestLog, path => path.StartsWith(TestSiteCatalog.DisallowedPath, StringComparison.Ordinal));
        Assert.DoesNotContain(Site.RequestLog, path => path.StartsWith("/bitrix/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fetch_Windows1251Page_IsDecoded()
    {
        await AddAndFetchAsync();
        var expected = TestSiteCatalog.Get(TestSiteCatalog.Windows1251ArticlePath);
        var show = await Cli.RunAsync("show", Site.UriFor(expected.Path).AbsoluteUri, "--format", "json");
        var article = show.JsonLines().Single();
        Assert.Equal(expected.Title, article.GetProperty("title").GetString());
        Assert.Contains(expected.BodyParagraphs[^1], article.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Show_OldDateQuotedInBody_DoesNotBecomeThePublicationDate()
    {
        await AddAndFetchAsync();
        var expected = TestSiteCatalog.Get(TestSiteCatalog.OldDateInBodyArticlePath);
        var show = await Cli.RunAsync("show", Site.UriFor(expected.Path).AbsoluteUri, "--format", "json");
        var article = show.JsonLines().Single();
        Assert.Equal(expected.Published, DateTimeOffset.Parse(article.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(TestSiteCatalog.OldDateInBody, article.GetProperty("body").GetString());
    }

    private static bool TimeIsShown(TestArticle article)
    {
        var inFeed = TestSiteCatalog.Articles.Take(TestSiteCatalog.FeedItemCount).Contains(article);
        return article.HasPublishedTimeMeta || article.DateStyle != TestDateStyle.DayMonthYear || inFeed;
    }

    private static string Key(string url) => UrlNormalizer.NormalizeString(new Uri(url));
}
