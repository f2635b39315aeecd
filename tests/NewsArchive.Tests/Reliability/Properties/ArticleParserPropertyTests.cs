namespace NewsArchive.Tests.Reliability.Properties;

public sealed class ArticleParserPropertyTests
{
    [Fact]
    public void Parse_TagSoup_HoldsInvariants() =>
        HangGuard.Sample(HtmlGen.Soup, ArticleParserInvariants.Check, defaultIterations: 100);

    [Fact]
    public void Parse_ArticlePageWithChromeAndSoupInserted_HoldsInvariants() =>
        HangGuard.Sample(HtmlGen.ArticlePage, ArticleParserInvariants.Check, defaultIterations: 40);
}
