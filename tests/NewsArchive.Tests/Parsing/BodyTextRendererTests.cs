using AngleSharp.Html.Parser;
using NewsArchive.Parsing;

namespace NewsArchive.Tests.Parsing;

/// <summary>One-line text of elements: the walk over text nodes reads what collapsing the element's TextContent reads.</summary>
public sealed class BodyTextRendererTests
{
    [Theory]
    [InlineData("<a>Новости по теме</a>")]
    [InlineData("<a>  Дилеры\n получили <b>первые</b>\tпартии  </a>")]
    [InlineData("<a><span>11</span><span>марта</span> 2026</a>")]
    [InlineData("<a>Ав\u00ADто<!-- скрыто -->мо\u200Bбиль <i> </i> <i></i>рынок</a>")]
    [InlineData("<a><div><p>  </p></div></a>")]
    [InlineData("<a></a>")]
    [InlineData("<a><ul><li>Первый <em>пункт</em></li><li>\u00A0второй\u00A0</li></ul><script>var x = 1;</script> конец </a>")]
    public void Inline_Markup_SameAsCollapsedTextContent(string html)
    {
        using var document = new HtmlParser().ParseDocument("<html><body>" + html + "</body></html>");
        var element = document.Body!.FirstElementChild!;

        Assert.Equal(BodyTextRenderer.Collapse(element.TextContent), BodyTextRenderer.Inline(element));
    }

    [Theory]
    [InlineData("<a>  Дилеры\n получили <b>первые</b>\tпартии  </a>", 29, true)]
    [InlineData("<a>  Дилеры\n получили <b>первые</b>\tпартии  </a>", 28, false)]
    [InlineData("<a>Новости по теме</a>", 15, true)]
    [InlineData("<a>Новости по теме</a>", 14, false)]
    [InlineData("<a></a>", 0, true)]
    public void InlineAtMost_Limit_InlineWithinItNullPastIt(string html, int limit, bool within)
    {
        using var document = new HtmlParser().ParseDocument("<html><body>" + html + "</body></html>");
        var element = document.Body!.FirstElementChild!;

        Assert.Equal(within ? BodyTextRenderer.Inline(element) : null, BodyTextRenderer.InlineAtMost(element, limit));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(10)]
    public void RawLength_Element_TextContentLengthOrPastTheLimit(int limit)
    {
        using var document = new HtmlParser().ParseDocument("<html><body><div>Раз <b>два</b><script>три</script> <i><u>четыре</u></i></div></body></html>");
        var element = document.Body!.FirstElementChild!;

        var length = DescendantTexts.RawLength(element, limit);

        Assert.Equal(17, element.TextContent.Length);
        Assert.True(limit >= 17 ? length == 17 : length > limit);
    }

    [Fact]
    public void Inline_NestedDeeperThanRecursionAllows_ReadsAllText()
    {
        var html = string.Concat(Enumerable.Repeat("<span>а ", 20_000)) + "конец";
        using var document = new HtmlParser(new HtmlParserOptions { MaximumDepth = 30_000 }).ParseDocument("<html><body><div>" + html + "</div></body></html>");

        var text = BodyTextRenderer.Inline(document.Body!.FirstElementChild!);

        Assert.EndsWith("а конец", text, StringComparison.Ordinal);
        Assert.Equal(20_000 * 2 + "конец".Length, text.Length);
    }

    [Theory]
    [InlineData("Дилеры получили партии", "Дилеры получили партии")]
    [InlineData(" Дилеры  получили\nпартии ", "Дилеры получили партии")]
    [InlineData("Ав\u00ADтомобиль", "Автомобиль")]
    [InlineData("   ", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Collapse_Text_WhitespaceRunsOneSpaceAndInvisibleMarksGone(string? text, string expected)
    {
        Assert.Equal(expected, BodyTextRenderer.Collapse(text));
    }
}
