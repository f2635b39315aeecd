using System.Text;
using CsCheck;
using NewsArchive.Tests.TestSite;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>
/// HTML for the parser: tag soup with deep nesting, huge attributes, Cyrillic and Latin text, NUL bytes,
/// broken entities and dates, alone or spliced into the test site's article pages together with extra
/// copies of its chrome blocks (<see cref="TestSiteHtml.LoginBox"/>, <see cref="TestSiteHtml.NewsletterBox"/>,
/// <see cref="TestSiteHtml.CommentPrompt"/>). No generated text spells a chrome string, and no fragment
/// opens a raw-text element it does not close, so an inserted chrome block stays a block.
/// </summary>
internal static class HtmlGen
{
    public static readonly IReadOnlyList<string> ChromeBlocks = [TestSiteHtml.LoginBox, TestSiteHtml.NewsletterBox, TestSiteHtml.CommentPrompt];

    private static readonly TestSiteSnapshot Site = new(new Uri("http://127.0.0.1:8080/"), TestSiteCatalog.Articles);

    private static readonly IReadOnlyList<string> ArticlePages =
        TestSiteCatalog.Articles.Append(TestSiteCatalog.BrokenArticle).Select(a => TestSiteHtml.ArticlePage(a, Site)).ToList();

    // Where a block may go "around the article": before, inside and after its title, body, tags, related list, comments and sidebar.
    private static readonly string[] Anchors =
    [
        "<main class=\"content\">", "<div class=\"breadcrumbs\"", "<h1>", "</h1>", "<div class=\"news-info\">", "<div class=\"news-preview-text\">",
        "<div class=\"news-detail-text\">", "<p style=\"text-align: justify;\">", "<div class=\"detail-picture\">", "<div class=\"news-tags\">",
        "<div class=\"news-counters\">", "<div class=\"share-block\">", "<div class=\"news-related\">", "<div class=\"news-comments\"",
        "<div class=\"news-back-link\">", "</main>", "<aside class=\"sidebar\">", "<footer", "</body>",
    ];

    private static readonly Gen<string> CyrillicWord = Gen.String[Gen.Char['а', 'я'], 2, 12];

    private static readonly Gen<string> LatinWord = Gen.String[Gen.Char['a', 'z'], 1, 12];

    private static readonly Gen<string> Word = Gen.Frequency(
        (5, CyrillicWord),
        (3, LatinWord),
        (2, Gen.OneOf("автомобиль", "продажи", "рынок", "дилеры", "выросли", "Lada", "Haval", "марта", "года", "новых", "2026", "г.", "%", "—", "«", "»")),
        (1, Gen.OneOf("&amp", "&#", "&#x;", "&#99999999;", "&#0;", "&nbsp", "&;", "&lt", "&bogus;", "&#xD800;", "&", "\0", "\u00ad", "\u200b", "\uFEFF", "\uD800", "<", ">")),
        (2, DateGen.DateLike),
        (1, Gen.String[0, 12]));

    public static readonly Gen<string> Text = Word.Array[0, 40].Select(words => string.Join(' ', words));

    private static readonly Gen<string> TagName = Gen.OneOf(
        "div", "div", "div", "p", "p", "span", "a", "h1", "h2", "h3", "ul", "li", "table", "tr", "td", "article", "main", "section",
        "header", "footer", "aside", "nav", "b", "i", "time", "br", "img", "form", "button", "figure", "figcaption", "blockquote", "pre",
        "script", "style", "template", "svg", "iframe", "noscript", "select", "option", "font", "center", "small", "abbr", "dl", "dd");

    private static readonly Gen<string> ClassName = Gen.OneOf(
        "news-detail", "news-detail-text", "content", "article-body", "entry-content", "comment", "comments", "share", "sidebar", "related",
        "news-related", "banner", "hidden", "auth-box", "subscribe-box", "news-date-time", "date", "published", "updated", "author", "lead",
        "news-views", "popular", "footer", "menu", "post", "story", "text", "x", "");

    private static readonly Gen<string> Huge = Gen.Select(Gen.OneOf("content ", "x", "а", "&amp;", "\" ", "news-detail ", "2026-03-11 "), Gen.Int[500, 5_000])
        .Select(parts => new StringBuilder(parts.Item1.Length * parts.Item2).Insert(0, parts.Item1, parts.Item2).ToString());

    private static readonly Gen<string> AttributeValue = Gen.Frequency(
        (6, ClassName),
        (3, UrlGen.Href),
        (2, DateGen.DateLike),
        (1, Huge),
        (1, Gen.String[0, 30]));

    private static readonly Gen<string> Attribute = Gen.Frequency(
        (8, Gen.Select(
                Gen.OneOf("class", "class", "id", "href", "datetime", "style", "title", "role", "content", "data-x", "lang", "x\0y"),
                AttributeValue,
                Gen.OneOf("\"", "\"", "'", ""))
            .Select(parts => $" {parts.Item1}={parts.Item3}{parts.Item2.Replace(parts.Item3.Length == 0 ? " " : parts.Item3, "", StringComparison.Ordinal)}{parts.Item3}")),
        (1, Gen.OneOf(" itemprop=\"articleBody\"", " itemprop=\"datePublished\"", " itemprop=\"headline\"", " hidden", " aria-hidden=\"true\"", " style=\"display:none\"")));

    private static readonly Gen<string> OpenTag = Gen.Select(TagName, Attribute.Array[0, 3]).Select(parts => $"<{parts.Item1}{string.Concat(parts.Item2)}>");

    /// <summary>Stray markup that leaves the tree unbalanced without swallowing what follows as raw text.</summary>
    private static readonly Gen<string> Stray = Gen.OneOf(
        "</div>", "</p>", "<p>", "<li>", "<table>", "<td>", "</table>", "<br/>", "<b>", "</b>", "<a href=x>", "</a>", "<h1>", "</h1>", "</html>",
        "<body>", "<html>", "<head>", "</body>", "<!DOCTYPE html>", "<![CDATA[x]]>", "<!---->", "<? x ?>", "</>", "<>", "<<", "<div<p>", "<p/>");

    private static readonly Gen<string> Element = Gen.Recursive<string>((depth, self) =>
    {
        var leaf = Gen.Frequency((6, Text), (2, Stray), (2, OpenTag));
        if (depth >= 5)
        {
            return leaf;
        }

        var node = Gen.Select(TagName, Attribute.Array[0, 3], self.Array[0, 4])
            .Select(parts => Close(parts.Item1, $"<{parts.Item1}{string.Concat(parts.Item2)}>" + string.Concat(parts.Item3)));
        return Gen.Frequency((3, leaf), (4, node));
    });

    // AngleSharp stops nesting at 512 levels, as browsers do; below that, parse time grows with the square of
    // the depth. A page 1,000 to 4,000 levels deep took about 3 s on the busy 2-core machine: 800 keeps the
    // default run short; 100,000 levels belong to the hostile-input part of issue 7.
    private static readonly Gen<string> DeepNesting = Gen.Select(Gen.OneOf("div", "span", "b", "p", "li", "table", "a", "font", "section"), Gen.Int[100, 800], Text, Gen.Bool)
        .Select(parts =>
        {
            var (tag, depth, text, closed) = parts;
            var b = new StringBuilder();
            b.Insert(0, $"<{tag} class=\"content\">", depth).Append(text);
            return closed ? b.Insert(b.Length, $"</{tag}>", depth).ToString() : b.ToString();
        });

    /// <summary>Head extras that name dates, titles and canonical URLs, some far in the future or broken.</summary>
    private static readonly Gen<string> HeadExtra = Gen.Select(
            Gen.OneOf(
                "<meta property=\"article:published_time\" content=\"{0}\">", "<meta property=\"article:modified_time\" content=\"{0}\">",
                "<meta name=\"date\" content=\"{0}\">", "<meta itemprop=\"datePublished\" content=\"{0}\">", "<time datetime=\"{0}\">{0}</time>",
                "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"{0}\",\"datePublished\":\"{0}\",\"dateModified\":\"{0}\"}}</script>",
                "<script type=\"application/ld+json\">{0}</script>", "<link rel=\"canonical\" href=\"{0}\">", "<meta property=\"og:url\" content=\"{0}\">",
                "<meta property=\"og:title\" content=\"{0}\">", "<title>{0}</title>", "<abbr class=\"published\" title=\"{0}\">{0}</abbr>"),
            Gen.Frequency((4, DateGen.DateLike), (2, FutureDate), (2, UrlGen.Href), (1, Text), (1, Gen.OneOf("", " ", "{", "[{\"@graph\":[", " - ABReview", "|"))))
        .Select(parts => string.Format(System.Globalization.CultureInfo.InvariantCulture, parts.Item1, parts.Item2.Replace("\"", "", StringComparison.Ordinal)));

    private static Gen<string> FutureDate => Gen.Select(Gen.Int[2, 4000], Gen.Enum<DateFormat>())
        .Select(parts => DateGen.Render(TestSiteCatalog.ReferenceNow.AddDays(parts.Item1), parts.Item2));

    /// <summary>Whole documents of tag soup, sometimes with a head, sometimes deeply nested.</summary>
    public static readonly Gen<string> Soup = Gen.Frequency(
        (6, Element.Array[1, 8].Select(string.Concat)),
        (3, Gen.Select(HeadExtra.Array[0, 4], Element.Array[1, 6])
            .Select(parts => $"<!DOCTYPE html><html><head>{string.Concat(parts.Item1)}</head><body>{string.Concat(parts.Item2)}</body></html>")),
        (1, DeepNesting),
        (1, Gen.String[0, 500]));

    /// <summary>A test-site article page with chrome blocks, soup and head extras inserted at random anchors.</summary>
    public static readonly Gen<string> ArticlePage = Gen.Select(
            Gen.Int[0, ArticlePages.Count - 1],
            Gen.Select(Gen.Int[0, ChromeBlocks.Count - 1], Gen.Int[0, Anchors.Length - 1], Gen.Int[0, 7]).Array[0, 4],
            Gen.Select(Gen.Frequency((5, Element), (2, HeadExtra), (1, DeepNesting), (1, Gen.OneOf(TestSiteHtml.LoginBox, TestSiteHtml.NewsletterBox))), Gen.Int[0, Anchors.Length - 1], Gen.Int[0, 7]).Array[0, 4])
        .Select(parts =>
        {
            var (page, chrome, soup) = parts;
            var html = ArticlePages[page];
            foreach (var (block, anchor, nth) in chrome)
            {
                html = InsertBefore(html, Anchors[anchor], nth, ChromeBlocks[block]);
            }

            foreach (var (fragment, anchor, nth) in soup)
            {
                html = InsertBefore(html, Anchors[anchor], nth, fragment);
            }

            return html;
        });

    private static string Close(string tag, string html) =>
        tag is "br" or "img" ? html : html + $"</{tag}>";

    /// <summary>Inserts before the <paramref name="nth"/> occurrence of <paramref name="anchor"/> (the last one if there are fewer).</summary>
    private static string InsertBefore(string html, string anchor, int nth, string fragment)
    {
        var at = -1;
        for (var i = 0; i <= nth; i++)
        {
            var next = html.IndexOf(anchor, at + 1, StringComparison.Ordinal);
            if (next < 0)
            {
                break;
            }

            at = next;
        }

        return at < 0 ? html : html.Insert(at, fragment);
    }
}
