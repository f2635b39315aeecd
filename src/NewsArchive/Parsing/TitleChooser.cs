using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>
/// Picks the article's title: a visible heading that the page's &lt;title&gt;, og:title or JSON-LD
/// headline agrees with, else og:title or &lt;title&gt; with the site name taken off.
/// Blog themes often have two h1s (site name, then post title), so every heading is a candidate.
/// </summary>
internal static partial class TitleChooser
{
    private static readonly HashSet<string> GenericTitleParts = new(StringComparer.Ordinal)
    {
        "blog archive", "blog archiv", "blog", "archive", "archiv", "home", "startseite", "news", "nachrichten", "aktuelles",
        "главная", "новости", "блог", "архив",
    };

    private static readonly ISelector Headings = PreparsedSelectors.Parse("h1, h2, h3, [itemprop=headline]");

    private static readonly string[] Separators = [" | ", " - ", " — ", " – ", " :: ", " « ", " » ", " / ", " · ", " : "];

    [GeneratedRegex(@"site-?title|site-?name|site-?branding|logo|brand|blog-?title|blog-?name|masthead|header-title|navbar|hidden|sr-only|visually|screen-?reader|invisible|offscreen|aural", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex BrandClass();

    [GeneratedRegex(@"kicker|overline|dachzeile|topline|roofline|eyebrow|supertitle|pre-?title|pre-?headline|spitzmarke|rubric|category|label|tag($|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex KickerClass();

    [GeneratedRegex(@"title|headline|heading|caption|name", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex TitleClass();

    public static string? Choose(IDocument document, string? headline, string? ogTitle, string? titleTag, string? siteName)
    {
        var og = Key(ogTitle);
        var head = Key(headline);
        var tag = Key(titleTag);
        var site = Key(siteName);
        var siteEnd = Key(SiteEnd(titleTag ?? ""));
        var ogWithoutSite = ogTitle is null ? null : StripSiteName(ogTitle, siteName);
        var tagWithoutSite = titleTag is null ? null : StripSiteName(titleTag, siteName);
        var strippedOg = Key(ogWithoutSite);
        var strippedTag = Key(tagWithoutSite);

        string? best = null;
        string? firstH1 = null;
        var firstH1Key = "";
        var firstH1IsPlainText = false;
        var bestRank = 0;
        var bestKey = "";
        var bestNamed = false;
        var headings = PreparsedSelectors.All(document, Headings);
        var soleH1 = headings.Count(h => h.TagName == "H1") == 1;
        foreach (var element in headings)
        {
            // Blog themes set the site name in h1 and each post's title in a plain h2: those count only when the page's title says exactly that.
            var plainSubheading = element.TagName != "H1" && element.GetAttribute("itemprop") != "headline" && !TitleClass().IsMatch(LinkListExtractor.ClassAndId(element));
            if (plainSubheading && element.TagName is not ("H2" or "H3"))
            {
                continue;
            }
            var text = StripLeadingDate(HeadlineText(element));
            if (WithoutDayBadge(text) is { } unbadged && Key(unbadged) is var unbadgedKey && unbadgedKey.Length > 0
                && (unbadgedKey == og || unbadgedKey == head || unbadgedKey == strippedOg))
            {
                text = unbadged;
            }
            if (text.Length is <= 2 or > 300 || IsBrand(element))
            {
                continue;
            }
            var key = Key(text);
            if (key.Length == 0 || key == site)
            {
                continue;
            }
            if (firstH1 is null && element.TagName == "H1" && (text.Contains(' ', StringComparison.Ordinal) || (soleH1 && IsLoneWordName(key, tag))) && key != siteEnd)
            {
                firstH1 = text;
                firstH1Key = key;
                firstH1IsPlainText = element.Children.All(child => child.TagName == "BR");
            }
            var rank = 0;
            if (plainSubheading)
            {
                rank = key == og || key == head || key == strippedOg || key == strippedTag ? 3 : 0;
            }
            else if (key == og || key == head)
            {
                rank = 4;
            }
            else if (key == tag || (key.Contains(' ', StringComparison.Ordinal)
                ? Contains(og, key) || Contains(head, key) || (Contains(tag, key) && key != siteEnd)
                : IsSegment(og, key) || IsSegment(tag, key) && key != siteEnd || IsEdgeWord(og, key) || IsEdgeWord(tag, key) && key != siteEnd))
            {
                rank = 3;
            }
            // Among equals, a heading the og:title or JSON-LD headline names beats one only the <title> holds; of those, the fuller one.
            var named = key == og || key == head;
            if (rank > bestRank || (rank > 0 && rank == bestRank && (named, named ? 0 : key.Length).CompareTo((bestNamed, bestNamed ? 0 : bestKey.Length)) > 0))
            {
                best = text;
                bestKey = key;
                bestRank = rank;
                bestNamed = named;
            }
        }
        if (best is not null)
        {
            return firstH1 is not null && firstH1IsPlainText && RunsOnPast(firstH1Key, bestKey, strippedOg, strippedTag) ? firstH1 : best;
        }
        if (firstH1 is not null && tagWithoutSite is not null && IsKickerBefore(firstH1Key, strippedTag))
        {
            // "Medienmitteilung der Direktion: Impfen ist noch überall möglich" with that headline as the <title>.
            return tagWithoutSite;
        }
        var fallback = ogTitle is { Length: > 3 } ? ogWithoutSite : titleTag is { Length: > 0 } ? tagWithoutSite : null;
        // An h1 holding the shared title plus more words carries a kicker, a site name or an author.
        if (firstH1 is not null && !firstH1.EndsWith(':') && (fallback is null || !Contains(firstH1Key, Key(fallback))
            || (firstH1IsPlainText && ContinuesHeadline(firstH1Key, Key(fallback)))))
        {
            // The visible headline beats a <title> or og:title written for search engines and shares.
            return firstH1;
        }
        if (headline is { Length: > 3 } && (Contains(tag, head) || Contains(og, head)))
        {
            return headline;
        }
        if (ogTitle is { Length: > 3 })
        {
            return ogWithoutSite;
        }
        if (titleTag is { Length: > 0 })
        {
            return tagWithoutSite;
        }
        return headline ?? PreparsedSelectors.All(document, PreparsedSelectors.H1).Select(BodyTextRenderer.Inline).FirstOrDefault(t => t.Length is > 3 and < 300);
    }

    /// <summary>The heading's text without a kicker set in its own element ("Tunesien", "100. Geburtstag").</summary>
    private static string HeadlineText(IElement heading)
    {
        if (heading.ChildElementCount == 0)
        {
            return BodyTextRenderer.Inline(heading);
        }
        var builder = new StringBuilder();
        foreach (var child in heading.ChildNodes)
        {
            if (child is IElement element && KickerClass().IsMatch(LinkListExtractor.ClassAndId(element)))
            {
                builder.Append(' ');
                continue;
            }
            AppendVisibleText(builder, child);
            builder.Append(child is IElement { TagName: "BR" } ? " " : "");
        }
        // The separator after a removed kicker ("Klimaschutz: …") stays behind as a text node.
        var text = BodyTextRenderer.Collapse(builder.ToString()).TrimStart(':', '-', '–', '—', '|', '·', ' ');
        return text.Length > 0 ? text : BodyTextRenderer.Inline(heading);
    }

    /// <summary>Text without the style sheets CSS-in-JS libraries put inside headings (".css-umyvef{font-size:16px}").</summary>
    private static void AppendVisibleText(StringBuilder builder, INode node)
    {
        if (node is IText text)
        {
            builder.Append(text.Data);
        }
        else if (node is IElement { TagName: not ("STYLE" or "SCRIPT" or "TEMPLATE") })
        {
            foreach (var child in node.ChildNodes)
            {
                AppendVisibleText(builder, child);
            }
        }
    }

    /// <summary>A heading that names the site (in a logo or branding block, or linking to the home page) or is only for screen readers.</summary>
    private static bool IsBrand(IElement element)
    {
        var depth = 0;
        for (var current = element; current is not null && depth < 3; current = current.ParentElement, depth++)
        {
            if (BrandClass().IsMatch(LinkListExtractor.ClassAndId(current)))
            {
                return true;
            }
        }
        foreach (var anchor in PreparsedSelectors.All(element, PreparsedSelectors.Links))
        {
            var href = anchor.GetAttribute("href")!.Trim();
            if (href is "/" or "./" or "#" || (Uri.TryCreate(href, UriKind.Absolute, out var url) && url.AbsolutePath == "/" && url.Query.Length == 0))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"Продажи выросли - ABReview" → "Продажи выросли": drop the site name, keep what still reads as a headline.</summary>
    internal static string StripSiteName(string title, string? siteName)
    {
        var whole = StripLeadingDate(title);
        title = SpaceCjkSeparators(whole);
        var site = Key(siteName);
        foreach (var separator in Separators)
        {
            var parts = title.Split(separator);
            if (parts.Length < 2)
            {
                continue;
            }
            var specific = parts.Where(p => !GenericTitleParts.Contains(Key(p).Trim())).ToArray();
            if (parts.Length >= 3 && specific.Length < parts.Length && specific.Length > 0)
            {
                // "Site » Blog Archive » Headline": archive and section words name no story.
                parts = specific;
                title = string.Join(separator, parts);
                if (parts.Length < 2)
                {
                    return title.Trim();
                }
            }
            if (site.Length > 0)
            {
                var kept = parts.Where(p => Key(p) != site).ToArray();
                if (kept.Length < parts.Length && kept.Length > 0)
                {
                    return string.Join(separator, kept).Trim();
                }
            }
            if (parts.Length >= 3 && parts.MaxBy(p => p.Length) is { } longest && longest.Trim().Length >= 15
                && parts.All(p => p == longest || p.Length * 2 <= longest.Length))
            {
                // "Headline :: Section :: Site": the headline is the one long part.
                return longest.Trim();
            }
            var first = parts[0].Trim();
            var last = parts[^1].Trim();
            // The site name is the short end; a title is kept whole when no end is clearly shorter.
            if (last.Length <= first.Length && (first.Length >= 15 || first.Contains(' ', StringComparison.Ordinal)))
            {
                return string.Join(separator, parts[..^1]).Trim();
            }
            if (first.Length < last.Length && (last.Length >= 15 || last.Contains(' ', StringComparison.Ordinal)))
            {
                return string.Join(separator, parts[1..]).Trim();
            }
        }
        return whole;
    }

    /// <summary>"武汉的声音…！-新华网", "NEWS WEB EASY|子どもへの…": text without spaces between words separates the site name without them too.</summary>
    private static string SpaceCjkSeparators(string title)
    {
        StringBuilder? spaced = null;
        for (var i = 0; i < title.Length; i++)
        {
            var c = title[i];
            if (i > 0 && i < title.Length - 1 && c is '-' or '_' or '|' or '｜' && (IsCjk(title[i - 1]) || IsCjk(title[i + 1]))
                && title[i - 1] != ' ' && title[i + 1] != ' ')
            {
                (spaced ??= new StringBuilder(title.Length + 8).Append(title, 0, i)).Append(" | ");
                continue;
            }
            spaced?.Append(c);
        }
        return spaced?.ToString() ?? title;
    }

    private static bool IsCjk(char c) => c is >= '\u3000' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uFF00' and <= '\uFFEF';

    /// <summary>The shorter end of a title in parts ("Site » Headline", "Headline | Site"): where sites put their name.</summary>
    private static string SiteEnd(string title)
    {
        foreach (var separator in Separators)
        {
            var last = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (last > 0)
            {
                var trailing = title[(last + separator.Length)..].Trim();
                var leading = title[..title.IndexOf(separator, StringComparison.Ordinal)].Trim();
                // Sites append their name as a rule; one in front is recognised only when clearly the shorter end.
                return leading.Length * 3 < trailing.Length * 2 ? leading : trailing;
            }
        }
        return "";
    }

    /// <summary>A one-word heading matches only a whole separated part ("Design - Studio X", "Тег: электромобили — Site"), not any word of a longer title.</summary>
    private static bool IsSegment(string title, string word)
    {
        foreach (var separator in Separators)
        {
            if (title.Split(separator).Any(part => part.Trim() == word || part.TrimEnd().EndsWith(": " + word, StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return title == word;
    }

    /// <summary>
    /// A page's only h1 names it even in one word ("Willkommen!", "Essen-Westviertel"), unless it is a status code ("404")
    /// or the word the page's title opens or closes with (a site name: "Autostat Продажи выросли"). Of several h1s, one
    /// word is a site or section name.
    /// </summary>
    private static bool IsLoneWordName(string word, string title) =>
        word.Any(char.IsLetter) && !title.StartsWith(word, StringComparison.Ordinal) && !title.EndsWith(word, StringComparison.Ordinal);

    /// <summary>
    /// A one-word headline that opens or closes the shared title and is most of it: "Ischgl" in "Trails! Ischgl",
    /// "Mandarinen-Schmand-Kuchen" in "Mandarinen-Schmand-Kuchen von jesusfreak".
    /// </summary>
    private static bool IsEdgeWord(string title, string word) =>
        word.Length >= 4 && word.Length * 5 >= title.Length * 2 && title.Length > word.Length
        && ((title.StartsWith(word, StringComparison.Ordinal) && title[word.Length] == ' ')
            || (title.EndsWith(word, StringComparison.Ordinal) && title[^(word.Length + 1)] == ' '));

    /// <summary>The h1 runs on past the matched heading, or holds it and runs on past the shared title (a recipe name under a fuller h1).</summary>
    private static bool RunsOnPast(string h1, string matched, string strippedOg, string strippedTag) =>
        ContinuesHeadline(h1, matched)
        || (Contains(h1, matched) && (ContinuesHeadline(h1, strippedOg) || ContinuesHeadline(h1, strippedTag)));

    /// <summary>The h1 is a kicker, a colon and then the whole title (not a quotation leading it: see <see cref="ContinuesHeadline"/>).</summary>
    private static bool IsKickerBefore(string h1, string title)
    {
        if (title.Length < 15 || h1.Length <= title.Length || !h1.EndsWith(title, StringComparison.Ordinal))
        {
            return false;
        }
        var kicker = h1.AsSpan(0, h1.Length - title.Length).TrimEnd();
        return kicker.Length > 1 && kicker[^1] == ':' && kicker[0] != '"';
    }

    /// <summary>
    /// "Ultium Cells erhöht Kapazität in Tennessee" over a shared title "Ultium Cells erhöht Kapazität": a plain-text h1
    /// that runs on in words, or after a colon, is the fuller headline, and so is one with a quotation leading it; one
    /// that runs on after another separator adds a site name.
    /// </summary>
    private static bool ContinuesHeadline(string h1, string shared)
    {
        if (shared.Length == 0 || h1.Length <= shared.Length + 1)
        {
            return false;
        }
        if (h1.EndsWith(shared, StringComparison.Ordinal))
        {
            // "\"Pure Leere\": Marita Kramer verpasst …": a quotation leading the headline is part of it, a kicker word is not.
            var lead = h1.AsSpan(0, h1.Length - shared.Length);
            return lead.Length > 4 && lead[0] == '"' && lead.EndsWith("\": ", StringComparison.Ordinal);
        }
        if (!h1.StartsWith(shared, StringComparison.Ordinal))
        {
            return false;
        }
        var next = h1.AsSpan(shared.Length);
        // "Saftiger Zitronenkuchen vom Blech: einfach köstlich!": a subtitle after a colon continues the headline too.
        next = next.StartsWith(": ", StringComparison.Ordinal) ? next[1..] : next;
        return next.Length > 1 && next[0] == ' ' && (char.IsLetterOrDigit(next[1]) || next[1] is '(' or '"');
    }

    /// <summary>"23.01.2022 - Headline": a date stamp before the headline is not part of it.</summary>
    private static string StripLeadingDate(string title)
    {
        var end = 0;
        while (end < title.Length && (char.IsAsciiDigit(title[end]) || title[end] == '.'))
        {
            end++;
        }
        if (end < 6 || title.AsSpan(0, end).Count('.') < 1)
        {
            return title;
        }
        var rest = title[end..].TrimStart();
        if (rest.Length > 2 && rest[0] is '-' or '–' or '—' or '|' or ':' && rest[1] == ' ')
        {
            return rest[2..].Trim();
        }
        return title;
    }

    /// <summary>
    /// "Jun 17 Das schönste Ende der Welt", "17. Juni Das …": a blog theme's day badge set inside the post's heading.
    /// Taken off only where the rest is what og:title or the JSON-LD headline say: "Jan 6 committee …" may be a headline.
    /// </summary>
    private static string? WithoutDayBadge(string heading)
    {
        var first = heading.IndexOf(' ', StringComparison.Ordinal);
        var second = first < 0 ? -1 : heading.IndexOf(' ', first + 1);
        if (second < 0)
        {
            return null;
        }
        var a = heading.AsSpan(0, first).TrimEnd('.');
        var b = heading.AsSpan(first + 1, second - first - 1).TrimEnd('.');
        static bool IsDay(ReadOnlySpan<char> token) => token.Length is 1 or 2 && char.IsAsciiDigit(token[0]) && char.IsAsciiDigit(token[^1]);
        static bool IsMonth(ReadOnlySpan<char> token) => DateWords.Months.ContainsKey(token.ToString().ToLowerInvariant());
        return (IsDay(b) && IsMonth(a)) || (IsDay(a) && IsMonth(b)) ? heading[(second + 1)..].TrimStart() : null;
    }

    private static bool Contains(string haystack, string needle) =>
        needle.Length > 0 && haystack.Contains(needle, StringComparison.Ordinal);

    /// <summary>Comparison key: case, whitespace, quote and dash styles folded.</summary>
    internal static string Key(string? text)
    {
        var collapsed = BodyTextRenderer.Collapse(text);
        var builder = new StringBuilder(collapsed.Length);
        foreach (var c in collapsed)
        {
            builder.Append(c switch
            {
                '„' or '“' or '”' or '«' or '»' or '″' => '"',
                '‘' or '’' or '‚' or '′' or '`' => '\'',
                '–' or '—' or '‑' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }
        return builder.ToString();
    }
}
