using NewsArchive.Crawling;

namespace NewsArchive.Tests.Crawling;

public sealed class UrlNormalizerTests
{
    [Theory]
    [InlineData("https://www.abreview.ru/ab/news/x/", "https://abreview.ru/ab/news/x")]
    [InlineData("https://ABREVIEW.ru/ab/news/x/?utm_source=list&utm_medium=x", "https://abreview.ru/ab/news/x")]
    [InlineData("https://abreview.ru/ab/news/x/#comments", "https://abreview.ru/ab/news/x")]
    [InlineData("https://m.abreview.ru/ab/news/x/?yclid=5&fbclid=7&from=main", "https://abreview.ru/ab/news/x")]
    [InlineData("https://abreview.ru/ab/news/?PAGEN_1=2&utm_campaign=a", "https://abreview.ru/ab/news?PAGEN_1=2")]
    [InlineData("https://abreview.ru/ab/news/?b=2&a=1", "https://abreview.ru/ab/news?a=1&b=2")]
    [InlineData("http://127.0.0.1:5000/ab/news/", "http://127.0.0.1:5000/ab/news")]
    [InlineData("https://abreview.ru", "https://abreview.ru/")]
    [InlineData("https://ПРАВИТЕЛЬСТВО.РФ/news/1/", "https://xn--80aealotwbjpid2k.xn--p1ai/news/1")]
    [InlineData("https://www.правительство.рф/news/1/", "https://xn--80aealotwbjpid2k.xn--p1ai/news/1")]
    [InlineData("https://xn--80aealotwbjpid2k.xn--p1ai/news/1", "https://xn--80aealotwbjpid2k.xn--p1ai/news/1")]
    [InlineData("https://admin:secret@abreview.ru/ab/news/x/", "https://abreview.ru/ab/news/x")]
    public void Normalize_Variants_GiveOneSpelling(string input, string expected) =>
        Assert.Equal(expected, UrlNormalizer.NormalizeString(new Uri(input)));

    [Theory]
    [InlineData("https://www.abreview.ru/ab/news/x/?utm_source=list#top")]
    [InlineData("http://m.example.com/a/b/amp/?mobile=1")]
    [InlineData("https://Новости.Пример.рф/Статья/?б=2&а=1")]
    public void Normalize_Twice_IsIdempotent(string input)
    {
        var once = UrlNormalizer.Normalize(new Uri(input));
        Assert.Equal(once, UrlNormalizer.Normalize(once));
    }

    [Theory]
    [InlineData("javascript:void(0)")]
    [InlineData("mailto:a@b.ru")]
    [InlineData("ftp://abreview.ru/file")]
    [InlineData("#top")]
    [InlineData("")]
    public void Resolve_NonWebLinks_ReturnsNull(string href) =>
        Assert.Null(UrlNormalizer.Resolve(new Uri("https://abreview.ru/ab/news/"), href));

    [Fact]
    public void Resolve_RelativeLink_IsAbsoluteWithoutFragment() =>
        Assert.Equal("https://abreview.ru/ab/news/a/?utm_source=x", UrlNormalizer.Resolve(new Uri("https://abreview.ru/ab/news/"), "a/?utm_source=x#top")!.AbsoluteUri);

    [Fact]
    public void IsSameSite_WwwAndBareHost_AreTheSameSite() =>
        Assert.True(UrlNormalizer.IsSameSite(new Uri("https://www.abreview.ru/a"), new Uri("https://abreview.ru/b")));
}
