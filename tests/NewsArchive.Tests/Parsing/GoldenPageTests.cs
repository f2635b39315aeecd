using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using NewsArchive.Fetching;
using NewsArchive.Parsing;

namespace NewsArchive.Tests.Parsing;

/// <summary>
/// Parser behaviour pinned by hand-written pages in the styles of real trade-news sites.
/// Expected files are reviewed by a person; UPDATE_GOLDEN=1 rewrites them from the parser's output.
/// </summary>
public sealed class GoldenPageTests
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(GoldenRoot()).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }
        return data;
    }

    [Fact]
    public void Cases_AtLeastTwentyPages()
    {
        Assert.True(Cases().Count >= 20, $"only {Cases().Count} golden pages");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_GoldenPage_MatchesReviewedExpectation(string name)
    {
        var golden = GoldenCase.Load(Path.Combine(GoldenRoot(), name));
        var actual = Render(Parse(golden));

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden.ExpectedPath, actual);
            return;
        }
        Assert.True(File.Exists(golden.ExpectedPath), $"{golden.ExpectedPath} is missing; run with UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(golden.ExpectedPath).ReplaceLineEndings("\n"), actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_GoldenPage_BodyAndBodyHtmlHaveArticleTextAndNoChrome(string name)
    {
        var golden = GoldenCase.Load(Path.Combine(GoldenRoot(), name));
        var page = Parse(golden);

        foreach (var text in golden.BodyMustContain)
        {
            Assert.Contains(text, page.Body, StringComparison.Ordinal);
        }
        foreach (var text in golden.BodyMustNotContain)
        {
            Assert.DoesNotContain(text, page.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(text, page.BodyHtml, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<script", page.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", page.BodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"\son\w+\s*=", page.BodyHtml);
    }

    private static ParsedPage Parse(GoldenCase golden)
    {
        var html = CharsetDecoder.Decode(File.ReadAllBytes(golden.HtmlPath), null);
        var context = new ParseContext(golden.Now, SiteTimeZones.Default, golden.FeedPublished);
        return new ArticleParser().Parse(html, golden.Url, context);
    }

    /// <summary>The fields a reviewer checks, in a stable order, as indented JSON with a final newline.</summary>
    private static string Render(ParsedPage page)
    {
        var shape = new
        {
            kind = page.Kind.ToString().ToLowerInvariant(),
            title = page.Title,
            published = page.Published?.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            publishedSource = page.Published is null ? null : page.PublishedSource.ToString().ToLowerInvariant(),
            authors = page.Authors,
            views = page.Views,
            comments = page.Comments,
            body = page.Body.Split('\n'),
            bodyHtml = page.BodyHtml.Split('\n'),
            related = page.Links.Where(l => l.Kind == LinkKind.Related).Select(l => new
            {
                url = l.Url.AbsoluteUri,
                title = l.AnchorText,
                published = l.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }),
            otherLists = page.Links.Where(l => l.Kind is LinkKind.Sidebar or LinkKind.Tag)
                .GroupBy(l => (l.Kind, l.Heading))
                .Select(g => new { kind = g.Key.Kind.ToString().ToLowerInvariant(), heading = g.Key.Heading, items = g.Count() }),
            bodyLinks = page.Links.Where(l => l.Kind == LinkKind.Body).Select(l => l.Url.AbsoluteUri),
            listingLinks = page.Kind == PageKind.Listing ? page.Links.Count(l => l.Kind == LinkKind.Listing) : 0,
            nextPages = page.NextPageUrls.Select(u => u.AbsoluteUri),
        };
        return JsonSerializer.Serialize(shape, JsonOptions) + "\n";
    }

    private static string GoldenRoot([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Golden");
}
