using NewsArchive.Parsing;

namespace NewsArchive.Tests.Reliability.Properties;

public sealed class ArticleParserPropertyTests
{
    [Fact]
    public void Parse_TagSoup_HoldsInvariants() =>
        HangGuard.Sample(HtmlGen.Soup, ArticleParserInvariants.Check, defaultIterations: 100);

    /// <summary>
    /// Found by the tag-soup property (seed 8KEwFnRrrSv7) and reduced: AngleSharp 1.10.3 throws while fostering a
    /// template out of a select in a table row. The property skips such markup; this pins the library's behaviour so
    /// that a fixed AngleSharp shows up here and the skip can go.
    /// </summary>
    [Fact]
    public void Parse_MarkupAngleSharpCannotBuild_Throws()
    {
        const string markup = "<select ><option ><td><template ></template></select></td><";

        Assert.True(ArticleParserInvariants.TreeBuilderFails(markup));
        Assert.ThrowsAny<Exception>(() => new ArticleParser().Parse(markup, ArticleParserInvariants.PageUrl, new ParseContext(DateTimeOffset.UnixEpoch, SiteTimeZones.Default)));
    }

    [Fact]
    public void Parse_ArticlePageWithChromeAndSoupInserted_HoldsInvariants() =>
        HangGuard.Sample(HtmlGen.ArticlePage, ArticleParserInvariants.Check, defaultIterations: 40);
}
