using NewsArchive.Fetching;

namespace NewsArchive.Tests.Fetching;

public sealed class RobotsRulesTests
{
    private const string Token = "NewsArchive";

    private static bool Allowed(RobotsRules rules, string pathAndQuery) =>
        rules.IsAllowed(new Uri(new Uri("https://www.abreview.ru/"), pathAndQuery));

    [Fact]
    public void IsAllowed_DisallowedPrefix_BlocksPathsBelowIt()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /admin\n", Token);

        Assert.False(Allowed(rules, "/admin"));
        Assert.False(Allowed(rules, "/admin/login.php"));
        Assert.False(Allowed(rules, "/administrator"));
        Assert.True(Allowed(rules, "/news/admin"));
        Assert.True(Allowed(rules, "/"));
    }

    [Fact]
    public void IsAllowed_LongerAllowInsideDisallow_LongestMatchWins()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /news/\nAllow: /news/2026/\nDisallow: /news/2026/drafts/\n", Token);

        Assert.False(Allowed(rules, "/news/archive"));
        Assert.True(Allowed(rules, "/news/2026/03/10/sales"));
        Assert.False(Allowed(rules, "/news/2026/drafts/x"));
    }

    [Fact]
    public void IsAllowed_AllowAndDisallowOfEqualLength_AllowWins()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n", Token);

        Assert.True(Allowed(rules, "/page/1"));
    }

    [Fact]
    public void IsAllowed_Wildcards_MatchAnyRun()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /*.pdf\nDisallow: /news/*/print\nDisallow: /*?sessionid=\n", Token);

        Assert.False(Allowed(rules, "/files/report.pdf"));
        Assert.False(Allowed(rules, "/files/report.pdf?download=1"));
        Assert.False(Allowed(rules, "/news/12345/print"));
        Assert.False(Allowed(rules, "/news/a/b/print/"));
        Assert.False(Allowed(rules, "/search?sessionid=1&q=lada"));
        Assert.True(Allowed(rules, "/news/12345"));
        Assert.True(Allowed(rules, "/search?q=lada"));
    }

    [Fact]
    public void IsAllowed_DollarAnchor_MatchesOnlyTheEnd()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /*.php$\nDisallow: /exact$\n", Token);

        Assert.False(Allowed(rules, "/index.php"));
        Assert.True(Allowed(rules, "/index.php?id=7"));
        Assert.True(Allowed(rules, "/index.php/news"));
        Assert.False(Allowed(rules, "/exact"));
        Assert.True(Allowed(rules, "/exact/more"));
    }

    [Fact]
    public void IsAllowed_AllowWildcardOverridesShorterDisallowAll()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /\nAllow: /news/*.html$\n", Token);

        Assert.True(Allowed(rules, "/news/sales.html"));
        Assert.False(Allowed(rules, "/news/sales.htm"));
        Assert.False(Allowed(rules, "/about"));
    }

    [Fact]
    public void Parse_GroupForOurToken_PreferredOverStar()
    {
        const string text = """
            User-agent: *
            Disallow: /

            User-agent: Googlebot
            Disallow: /private

            User-agent: newsarchive
            Disallow: /tmp
            """;

        var rules = RobotsRules.Parse(text, Token);

        Assert.True(Allowed(rules, "/news/1"));
        Assert.True(Allowed(rules, "/private"));
        Assert.False(Allowed(rules, "/tmp/x"));
    }

    [Fact]
    public void Parse_NoGroupForOurToken_UsesStarGroup()
    {
        var rules = RobotsRules.Parse("User-agent: Yandex\nDisallow: /\n\nUser-agent: *\nDisallow: /search\n", Token);

        Assert.True(Allowed(rules, "/news"));
        Assert.False(Allowed(rules, "/search?q=1"));
    }

    [Fact]
    public void Parse_SeveralUserAgentLines_ShareOneGroup()
    {
        var rules = RobotsRules.Parse("User-agent: Yandex\nUser-agent: NewsArchive/0.1\nDisallow: /shared\n\nUser-agent: *\nDisallow: /\n", Token);

        Assert.False(Allowed(rules, "/shared/page"));
        Assert.True(Allowed(rules, "/news"));
    }

    [Fact]
    public void Parse_TwoGroupsForOurToken_AreMerged()
    {
        var rules = RobotsRules.Parse("User-agent: NewsArchive\nDisallow: /a\n\nUser-agent: Yandex\nDisallow: /\n\nUser-agent: NEWSARCHIVE\nDisallow: /b\n", Token);

        Assert.False(Allowed(rules, "/a"));
        Assert.False(Allowed(rules, "/b"));
        Assert.True(Allowed(rules, "/c"));
    }

    [Fact]
    public void Parse_NoMatchingGroupAndNoStar_AllowsEverything()
    {
        var rules = RobotsRules.Parse("User-agent: Yandex\nDisallow: /\n", Token);

        Assert.True(Allowed(rules, "/anything"));
    }

    [Fact]
    public void Parse_EmptyDisallow_AllowsEverything()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow:\n", Token);

        Assert.True(Allowed(rules, "/anything"));
    }

    [Fact]
    public void Parse_RulesBeforeAnyUserAgent_Ignored()
    {
        var rules = RobotsRules.Parse("Disallow: /\nUser-agent: *\nDisallow: /x\n", Token);

        Assert.True(Allowed(rules, "/news"));
        Assert.False(Allowed(rules, "/x"));
    }

    [Fact]
    public void Parse_CommentsCrLfBomAndOddCase_Understood()
    {
        var rules = RobotsRules.Parse("\uFEFF# robots for abreview\r\nUSER-AGENT: * # everyone\r\nDISALLOW: /private # keep out\r\n\r\nallow: /private/ok\r\n", Token);

        Assert.False(Allowed(rules, "/private/x"));
        Assert.True(Allowed(rules, "/private/ok/1"));
    }

    [Fact]
    public void IsAllowed_NonAsciiAndPercentEncoding_ComparedNormalised()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /новости/черновики\nDisallow: /%7euser\nDisallow: /a%2fb\n", Token);

        Assert.False(Allowed(rules, "/новости/черновики/1"));
        Assert.False(Allowed(rules, "/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/%d1%87%d0%b5%d1%80%d0%bd%d0%be%d0%b2%d0%b8%d0%ba%d0%b8"));
        Assert.True(Allowed(rules, "/новости/2026"));
        Assert.False(Allowed(rules, "/~user/page"));
        Assert.False(Allowed(rules, "/a%2Fb"));
        Assert.True(Allowed(rules, "/a/b"));
    }

    [Fact]
    public void IsAllowed_RobotsTxtItself_AlwaysAllowed()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /\n", Token);

        Assert.True(Allowed(rules, "/robots.txt"));
        Assert.False(Allowed(rules, "/"));
    }

    [Fact]
    public void IsAllowed_PathologicalWildcards_AnswersWithoutBacktracking()
    {
        var pattern = "/" + string.Concat(Enumerable.Repeat("*a", 60)) + "b";
        var rules = RobotsRules.Parse($"User-agent: *\nDisallow: {pattern}\n", Token);

        Assert.True(Allowed(rules, "/" + new string('a', 20_000)));
        Assert.False(Allowed(rules, "/" + new string('a', 100) + "b"));
    }

    [Fact]
    public void CrawlDelay_GivenInChosenGroup_Read()
    {
        var rules = RobotsRules.Parse("User-agent: *\nCrawl-delay: 2.5\n\nUser-agent: Yandex\nCrawl-delay: 10\n", Token);

        Assert.Equal(TimeSpan.FromSeconds(2.5), rules.CrawlDelay);
    }

    [Fact]
    public void CrawlDelay_NotGivenOrInvalid_Null()
    {
        Assert.Null(RobotsRules.Parse("User-agent: *\nDisallow: /x\n", Token).CrawlDelay);
        Assert.Null(RobotsRules.Parse("User-agent: *\nCrawl-delay: soon\n", Token).CrawlDelay);
    }

    [Fact]
    public void Sitemaps_AnywhereInFile_CollectedAndResolved()
    {
        const string text = """
            Sitemap: https://www.abreview.ru/sitemap.xml
            User-agent: Yandex
            Disallow: /
            Sitemap: /sitemap-news.xml
            User-agent: *
            Sitemap: ftp://example.org/no.xml
            Sitemap: https://www.abreview.ru/sitemap.xml
            """;

        var rules = RobotsRules.Parse(text, Token, new Uri("https://www.abreview.ru/robots.txt"));

        Assert.Equal(
            ["https://www.abreview.ru/sitemap.xml", "https://www.abreview.ru/sitemap-news.xml"],
            rules.Sitemaps.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Sitemaps_RelativeWithoutBase_Dropped()
    {
        var rules = RobotsRules.Parse("Sitemap: /sitemap.xml\nSitemap: http://autostat.ru/sitemap.xml\n", Token);

        Assert.Equal(["http://autostat.ru/sitemap.xml"], rules.Sitemaps.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void AllowAllAndDisallowAll_AnswerAsNamed()
    {
        Assert.True(Allowed(RobotsRules.AllowAll, "/anything"));
        Assert.False(Allowed(RobotsRules.DisallowAll, "/anything"));
        Assert.False(Allowed(RobotsRules.DisallowAll, "/"));
        Assert.Empty(RobotsRules.AllowAll.Sitemaps);
        Assert.Null(RobotsRules.DisallowAll.CrawlDelay);
    }
}
