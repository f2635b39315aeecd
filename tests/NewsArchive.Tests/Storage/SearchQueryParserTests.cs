using NewsArchive.Storage;

namespace NewsArchive.Tests.Storage;

public sealed class SearchQueryParserTests
{
    private readonly SearchQueryParser _parser = new(new WordStemmer());

    [Theory]
    [InlineData("электромобилей", "\"электромобил\"")]
    [InlineData("дилер лизинг", "(\"дилер\" AND \"лизинг\")")]
    [InlineData("дилер AND лизинг", "(\"дилер\" AND \"лизинг\")")]
    [InlineData("дилер OR лизинг", "(\"дилер\" OR \"лизинг\")")]
    [InlineData("лизинг NOT грузовики", "(\"лизинг\" NOT \"грузовик\")")]
    [InlineData("лизинг AND NOT грузовики", "(\"лизинг\" NOT \"грузовик\")")]
    [InlineData("\"дилерский центр\"", "\"дилерск центр\"")]
    [InlineData("«дилерский центр»", "\"дилерск центр\"")]
    [InlineData("аккумулятор*", "\"аккумулятор\"*")]
    [InlineData("электромобили*", "\"электромобил\"*")]
    [InlineData("(дилер OR лизинг) рынок", "((\"дилер\" OR \"лизинг\") AND \"рынок\")")]
    [InlineData("a OR b c", "(\"a\" OR (\"b\" AND \"c\"))")]
    [InlineData("Lada-Vesta", "\"lada vesta\"")]
    [InlineData("дилер -", "\"дилер\"")]
    [InlineData("x\" OR 1=1; DROP TABLE articles; --\"", "(\"x\" AND \"or 1 1 drop tabl articl\")")]
    public void Parse_ValidQuery_GivesStemmedFts5(string input, string expected)
    {
        Assert.Equal(expected, _parser.Parse(input).Fts5);
    }

    [Theory]
    [InlineData("\"unbalanced", "quote is not closed")]
    [InlineData("дилер OR", "OR needs a word after it")]
    [InlineData("OR дилер", "cannot start with OR")]
    [InlineData("NOT дилер", "cannot start with NOT")]
    [InlineData("дилер AND AND лизинг", "AND needs a word before it")]
    [InlineData("(дилер", "'(' is not closed")]
    [InlineData("дилер)", "')' has no matching '('")]
    [InlineData("()", "'()' is empty")]
    [InlineData("--- !!!", "no words")]
    public void Parse_MalformedQuery_IsUserErrorThatSaysWhy(string input, string problem)
    {
        var ex = Assert.Throws<ArchiveException>(() => _parser.Parse(input));
        Assert.True(ex.IsUserError);
        Assert.StartsWith("invalid search query: ", ex.Message);
        Assert.Contains(problem, ex.Message);
    }

    [Fact]
    public void Parse_NotBranch_IsNotHighlighted()
    {
        var query = _parser.Parse("лизинг NOT грузовики");
        Assert.Equal([new SearchTerm("лизинг", false)], query.Terms);
    }

    [Fact]
    public void SnippetBuilder_BodyWithMatches_QuotesOriginalWordsInBrackets()
    {
        var stemmer = new WordStemmer();
        var terms = _parser.Parse("электромобиль").Terms;
        var body = "Рынок в марте.\nПродажи электромобилей выросли, а электромобили подешевели.";
        Assert.Equal("Рынок в марте. Продажи [электромобилей] выросли, а [электромобили] подешевели.", SnippetBuilder.Build(body, terms, stemmer));
    }
}
