using AngleSharp.Html.Parser;
using NewsArchive.Parsing;

namespace NewsArchive.Tests.Parsing;

/// <summary>The one walk over a page finds what the selections it replaces found, in the same order.</summary>
public sealed class PageElementsTests
{
    private const string Page =
        "<html><head><title>T</title><link rel=\"Next\" href=\"/2\"></head><body class=\"page\">"
        + "<nav class=\"main-menu\"><a href=\"/\">Главная</a></nav>"
        + "<div class=\"Author byline\" id=\"x\"><p>Текст <a href=\"/a\">ссылка</a><a>без адреса</a></p></div>"
        + "<svg><a href=\"#s\"></a></svg><footer><ul><li>Контакты</li></ul></footer></body></html>";

    [Fact]
    public void All_Page_SameElementsInSameOrderAsSelectingEverything()
    {
        using var document = new HtmlParser().ParseDocument(Page);

        var elements = new PageElements(document);

        Assert.Equal(document.QuerySelectorAll("*"), elements.All);
        Assert.Equal(document.Body!.QuerySelectorAll("*"), elements.All.Skip(elements.BodyStart).Take(elements.BodyEnd - elements.BodyStart));
    }

    [Fact]
    public void IsLink_Page_SameAsAnchorsWithHref()
    {
        using var document = new HtmlParser().ParseDocument(Page);

        var elements = new PageElements(document);

        Assert.Equal(document.QuerySelectorAll("a[href]"), elements.All.Where(PageElements.IsLink));
    }

    [Theory]
    [InlineData("byline", true)]
    [InlineData("Author", true)]
    [InlineData("author", false)]
    [InlineData("x", false)]
    [InlineData("by", false)]
    public void HasClass_Token_AsClassSelectorMatches(string token, bool expected)
    {
        using var document = new HtmlParser().ParseDocument(Page);
        var block = document.QuerySelector("#x")!;

        Assert.Equal(expected, PageElements.HasClass(block, token));
        Assert.Equal(expected, block.Matches("." + token));
    }

    [Fact]
    public void IsInDocument_AncestorRemoved_False()
    {
        using var document = new HtmlParser().ParseDocument(Page);
        var anchor = document.QuerySelector("nav a")!;
        var paragraph = document.QuerySelector("p")!;

        document.QuerySelector("nav")!.Remove();

        Assert.False(PageElements.IsInDocument(anchor));
        Assert.True(PageElements.IsInDocument(paragraph));
    }
}
