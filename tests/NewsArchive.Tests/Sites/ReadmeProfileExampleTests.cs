using System.Runtime.CompilerServices;
using NewsArchive.Fetching;
using NewsArchive.Parsing;
using NewsArchive.Sites;

namespace NewsArchive.Tests.Sites;

/// <summary>The profile the README shows is valid and does what it says on a Bitrix page in abreview.ru's style.</summary>
public sealed class ReadmeProfileExampleTests
{
    [Fact]
    public void ReadmeExample_OnBitrixGoldenPage_ReadsEveryFieldItNames()
    {
        var profile = SiteProfileJson.Parse(ReadmeExample());
        var folder = Path.Combine(RepositoryRoot(), "tests", "NewsArchive.Tests", "Parsing", "Golden", "bitrix-article");
        var html = CharsetDecoder.Decode(File.ReadAllBytes(Path.Combine(folder, "page.html")), null);
        var context = new ParseContext(new DateTimeOffset(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3)), SiteTimeZones.Default);

        var page = new ArticleParser(profile).Parse(html, new Uri("https://abreview.example/news/2026/03/11/prodazhi-fevral-2026/"), context);

        Assert.Equal(["title", "date", "authors", "views", "comments", "related", "lists", "body"], page.ProfileFields);
        Assert.Equal("Продажи новых легковых автомобилей в феврале выросли на 6%", page.Title);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 12, 30, 0, TimeSpan.FromHours(3)), page.Published);
        Assert.Equal(["Ирина Соколова"], page.Authors);
        Assert.Equal(6201, page.Views);
        Assert.Equal(0, page.Comments);
        Assert.StartsWith("Рынок новых легковых машин в феврале вырос на 6,2%", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Фото: пресс-служба", page.Body, StringComparison.Ordinal);
        var related = page.Links.Where(l => l.Kind == LinkKind.Related).ToList();
        Assert.Equal(3, related.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.FromHours(3)), related[0].Published);
        Assert.Equal(3, page.Links.Count(l => l.Kind == LinkKind.Sidebar && l.Published is not null));
    }

    /// <summary>The first JSON block after the README's "### Site profiles" heading.</summary>
    private static string ReadmeExample()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var section = readme[readme.IndexOf("### Site profiles", StringComparison.Ordinal)..];
        var start = section.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        return section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
    }

    private static string RepositoryRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));
}
