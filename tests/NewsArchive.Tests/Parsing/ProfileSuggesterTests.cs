using NewsArchive.Parsing;
using NewsArchive.Sites;

namespace NewsArchive.Tests.Parsing;

public sealed class ProfileSuggesterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3));
    private static readonly ParseContext Context = new(Now, SiteTimeZones.Default);

    private static string Page(string title, string head, string date, string text) => $"""
        <html><head><title>{title}</title>{head}</head><body>
        <div class="css-1x9k2qz layout"><div class="Header_nav__3xYz"><a href="/">Главная</a></div></div>
        <div class="post"><h1 class="post-title sc-AbCdE">{title}</h1><span class="post-date">{date}</span>
        <div class="post-body jsx-1234567"><p>{text}</p><p>{text} Ещё одно предложение второго абзаца, с запятыми.</p><p>Третий абзац, чтобы текст был текстом: цены, спрос, дилеры, кредиты.</p></div></div>
        </body></html>
        """;

    private static readonly (string, Uri?)[] Samples =
    [
        (Page("Дилеры получили кроссоверы", "<meta property=\"article:published_time\" content=\"2026-03-11T12:30:00+03:00\">", "11 марта 2026",
            "Первые партии кроссоверов поступили к дилерам в Москве, Туле и Казани, сообщили в компании."), new Uri("https://s.example/news/a/")),
        (Page("Лизинг вырос на 12%", "", "10 марта 2026, 18:05",
            "Лизинговые компании отчитались о росте портфеля, спрос поддержали таксопарки и корпоративные клиенты."), new Uri("https://s.example/news/b/")),
    ];

    [Fact]
    public void Suggest_TwoPages_StableNamedSelectorsWithoutGeneratedClasses()
    {
        var profile = new ProfileSuggester().Suggest(Samples, Context);
        var json = SiteProfileJson.Write(profile);

        Assert.Equal("h1.post-title", profile.Title);
        Assert.Equal("div.post-body", profile.Body);
        Assert.DoesNotContain("css-", json, StringComparison.Ordinal);
        Assert.DoesNotContain("sc-", json, StringComparison.Ordinal);
        Assert.DoesNotContain("jsx-", json, StringComparison.Ordinal);
        Assert.DoesNotContain("nth-", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_MetaDateOnOnePageOnly_MetaFirstThenTheVisibleDate()
    {
        var profile = new ProfileSuggester().Suggest(Samples, Context);

        Assert.Equal(new ProfileDate("meta[property=\"article:published_time\"], span.post-date", ProfileDate.RussianFormat), profile.Date);
        foreach (var (html, url) in Samples)
        {
            Assert.Equal(new ArticleParser().Parse(html, url, Context).Published, new ArticleParser(profile).Parse(html, url, Context).Published);
        }
    }

    [Fact]
    public void Suggest_CounterNumberAlsoInAScript_PointsAtTheVisibleCounter()
    {
        var pages = Samples.Select(p => (p.Item1.Replace("</body>", "<script>var views = 4321;</script><div class=\"stats\"><span class=\"views-count\">Просмотров: 4321</span></div></body>", StringComparison.Ordinal), p.Item2)).ToList();

        var profile = new ProfileSuggester().Suggest(pages, Context);

        Assert.Equal("span.views-count", profile.Views);
    }

    [Fact]
    public void Suggest_FieldTheGenericExtractorLeftEmpty_IsLeftOut()
    {
        var profile = new ProfileSuggester().Suggest(Samples, Context);

        Assert.Null(profile.Views);
        Assert.Null(profile.Related);
        Assert.Null(profile.ListingItems);
        Assert.Empty(profile.Lists);
    }
}
