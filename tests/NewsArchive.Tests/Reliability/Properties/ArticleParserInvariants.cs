using AngleSharp.Html.Parser;
using NewsArchive.Parsing;
using NewsArchive.Tests.TestSite;
using Xunit.Sdk;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>What must hold for any page the parser is given; shared by the properties and the corpus.</summary>
internal static class ArticleParserInvariants
{
    public static readonly Uri PageUrl = new("http://127.0.0.1:8080/ab/news/rynok/stranitsa/");

    public static void Check(string html)
    {
        var now = TestSiteCatalog.ReferenceNow;
        ParsedPage page;
        try
        {
            page = new ArticleParser().Parse(html, PageUrl, new ParseContext(now, SiteTimeZones.Default));
        }
        catch (Exception) when (TreeBuilderFails(html))
        {
            // AngleSharp's own tree builder throws on this markup (a bug of the library, not ours: see
            // ArticleParserPropertyTests.Parse_MarkupAngleSharpCannotBuild_Throws); the crawler fails such a page alone.
            return;
        }

        DateInvariants.CheckDate(page.Published, now, html, "ArticleParser (published)");
        DateInvariants.CheckDate(page.Modified, now, html, "ArticleParser (modified)");
        var urls = page.Links.Select(l => l.Url).Concat(page.FeedUrls).Concat(page.NextPageUrls).Append(page.CanonicalUrl ?? PageUrl);
        if (urls.FirstOrDefault(u => !u.IsAbsoluteUri || u.Scheme is not ("http" or "https")) is { } notWeb)
        {
            throw new XunitException($"the page yields the URL {notWeb}, not an http(s) address");
        }

        if (page.Links.FirstOrDefault(l => l.Url.Fragment.Length > 0) is { } withFragment)
        {
            throw new XunitException($"the link {withFragment.Url} keeps its fragment");
        }

        using var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html);
        const string chromeBlocks = ".auth-box, .subscribe-box, .comments-auth-note";
        var blocks = document.QuerySelectorAll(chromeBlocks).Where(b => b.ParentElement?.Closest(chromeBlocks) is null).Select(b => b.TextContent).ToList();
        var pageText = document.DocumentElement.TextContent;
        foreach (var chrome in TestSiteCatalog.ChromeStrings.Where(c => blocks.Any(b => b.Contains(c, StringComparison.Ordinal))))
        {
            // Only text that stands nowhere but in chrome blocks: past 512 levels of nesting AngleSharp (like browsers)
            // stops nesting, and a block's label can end up outside its block, where it is no longer chrome.
            if (Occurrences(pageText, chrome) == blocks.Sum(b => Occurrences(b, chrome)) && page.Body.Contains(chrome, StringComparison.Ordinal))
            {
                throw new XunitException($"the body holds the chrome text \"{chrome}\":\n{page.Body}");
            }
        }

        // A headline is a heading of a few characters at least; shorter ones the parser treats as noise.
        var headline = document.QuerySelectorAll("h1").Select(BodyTextRenderer.Inline).FirstOrDefault(t => t.Length is >= 4 and < 300);
        if (headline is not null && string.IsNullOrWhiteSpace(page.Title))
        {
            throw new XunitException($"no title although the page has the <h1> \"{headline}\"");
        }
    }

    /// <summary>Whether AngleSharp alone, with no code of ours involved, fails to build this page.</summary>
    public static bool TreeBuilderFails(string html)
    {
        try
        {
            using var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html);
            return false;
        }
        catch (NullReferenceException)
        {
            return true;
        }
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
