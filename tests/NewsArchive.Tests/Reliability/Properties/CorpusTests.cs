using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NewsArchive.Parsing;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>
/// Inputs that once broke an invariant, kept in Reliability/Corpus/&lt;area&gt;/ and checked by the same
/// invariants as the properties. A feed or sitemap file may say <c>&lt;!-- min-entries: N --&gt;</c>: that many
/// entries must still be read from it (a broken tail must not cost what came before). Lone surrogates
/// are spelled <c>{U+D800}</c> (see <see cref="CorpusText"/>).
/// </summary>
public sealed partial class CorpusTests
{
    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(CorpusRoot()).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                cases.Add(Path.GetFileName(folder), Path.GetFileName(file));
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Corpus_InputThatOnceFailed_HoldsItsAreaInvariants(string area, string file)
    {
        var text = CorpusText.Read(Path.Combine(CorpusRoot(), area, file));
        switch (area)
        {
            case "html":
                ArticleParserInvariants.Check(text);
                break;
            case "dates":
                DateInvariants.Check(text, TestSiteCatalog.ReferenceNow, SiteTimeZones.Default);
                break;
            case "robots":
                foreach (var path in new[] { "/", "/ab/news/x/", "/robots.txt", "/a?b=c" })
                {
                    RobotsInvariants.Check(text, path);
                }

                break;
            case "feeds":
                var items = FeedInvariants.CheckFeed(text);
                var sitemap = FeedInvariants.CheckSitemap(text);
                if (MinEntries().Match(text) is { Success: true } min)
                {
                    var expected = int.Parse(min.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    Assert.True(Math.Max(items.Count, sitemap.Urls.Count + sitemap.Sitemaps.Count) >= expected, $"fewer than {expected} entries read");
                }

                break;
            case "urls":
                UrlInvariants.Check(text);
                break;
            default:
                Assert.Fail($"Corpus folder '{area}' has no invariants; use html, dates, robots, feeds or urls.");
                break;
        }
    }

    [GeneratedRegex(@"<!-- min-entries: (\d+)")]
    private static partial Regex MinEntries();

    private static string CorpusRoot([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(source)!)!, "Corpus");
}
