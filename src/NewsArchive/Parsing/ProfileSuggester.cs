using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsArchive.Crawling;
using NewsArchive.Sites;

namespace NewsArchive.Parsing;

/// <summary>
/// Proposes a site profile from sample pages: for each field the generic extractor filled, a CSS selector for the
/// element it came from (an id or a distinctive class, else the nearest ancestor that has one; never positions or
/// generated-looking classes), kept only if applying it to every sample gives what the generic extractor gave.
/// Not thread-safe.
/// </summary>
public sealed partial class ProfileSuggester
{
    private const int MaxAncestorLevels = 6;

    /// <summary>Layout and state words: a class like these names no role.</summary>
    private static readonly HashSet<string> PlainClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "active", "current", "selected", "clearfix", "cf", "row", "col", "container", "wrapper", "wrap", "inner", "left", "right",
        "hidden", "show", "fade", "in", "open", "first", "last", "even", "odd", "block", "box", "item", "text", "content", "clear",
    };

    [GeneratedRegex(@"^-?[A-Za-z_][A-Za-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9:._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MetaKey();

    /// <summary>Build-tool class names: css-1x2y3z, sc-AbCdE, jsx-123, Header_title__3xYz.</summary>
    [GeneratedRegex(@"^(css|sc|jsx|emotion|styled|svelte)-|__[A-Za-z0-9]{4,}$|\d{2,}|[a-z][A-Z].*\d|\d.*[a-z][A-Z]", RegexOptions.CultureInvariant)]
    private static partial Regex Generated();

    private readonly ArticleParser _parser = new();
    private readonly HtmlParser _html = new(new HtmlParserOptions { IsScripting = false });

    /// <summary>A profile holding the fields whose selectors are stable across the samples (all of them fields, when one sample).</summary>
    public SiteProfile Suggest(IReadOnlyList<(string Html, Uri? Url)> pages, ParseContext context)
    {
        var samples = new List<ProfileSample>();
        try
        {
            foreach (var (html, url) in pages)
            {
                samples.Add(Sample(html, url, context));
            }
            return new SiteProfile
            {
                Title = Pick(samples, s => s.Page.Title is { } title ? TitleElements(s.Document, title) : [],
                    (s, selector) => ProfileExtractor.FirstText(s.Document, selector) == s.Page.Title, s => s.Page.Title is not null),
                Date = DateOf(samples, context, s => s.Page.PublishedSource is DateSource.JsonLd or DateSource.Url or DateSource.Feed ? null : s.Page.Published),
                Modified = DateOf(samples, context, s => s.Page.Modified),
                Body = BodyOf(samples),
                Related = ListsOf(samples, context, LinkKind.Related).FirstOrDefault(),
                Lists = [.. ListsOf(samples, context, LinkKind.Sidebar), .. ListsOf(samples, context, LinkKind.Tag)],
                Authors = Pick(samples, s => s.Page.Authors.Count > 0 ? Innermost(s.Document, e => BodyTextRenderer.Inline(e) == s.Page.Authors[0]) : [],
                    (s, selector) => s.Document.QuerySelector(selector) is { } e && BodyTextRenderer.Inline(e) == s.Page.Authors[0], s => s.Page.Authors.Count > 0),
                Views = CounterOf(samples, s => s.Page.Views),
                Comments = CounterOf(samples, s => s.Page.Comments),
                ListingItems = ListingItemsOf(samples, context),
                NextPage = NextPageOf(samples),
            };
        }
        finally
        {
            foreach (var sample in samples)
            {
                sample.Document.Dispose();
            }
        }
    }

    private ProfileSample Sample(string html, Uri? url, ParseContext context)
    {
        var trace = new ParseTrace();
        var page = _parser.Parse(html, url, context, trace);
        var document = _html.ParseDocument(html);
        ParseTrace.Number(document);
        var byNumber = document.All.ToDictionary(e => e.GetAttribute(ParseTrace.NumberAttribute)!, StringComparer.Ordinal);
        IElement? Find(IElement chosen) =>
            chosen.GetAttribute(ParseTrace.NumberAttribute) is { } n && byNumber.TryGetValue(n, out var same) ? same : null;
        var body = trace.Body.Select(Find).OfType<IElement>().ToList();
        var lists = trace.Lists.Select(l => (l.Kind, Container: Find(l.Container))).Where(l => l.Container is not null).Select(l => (l.Kind, l.Container!)).ToList();
        return new ProfileSample(document, page, body, lists);
    }

    /// <summary>
    /// The first candidate selector, from the role elements of the samples that have the role, that passes the check
    /// on every such sample.
    /// </summary>
    private static string? Pick(List<ProfileSample> samples, Func<ProfileSample, IEnumerable<IElement>> elements,
        Func<ProfileSample, string, bool> check, Func<ProfileSample, bool> hasRole)
    {
        var withRole = samples.Where(hasRole).ToList();
        if (withRole.Count == 0)
        {
            return null;
        }
        var tried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in withRole)
        {
            foreach (var element in elements(sample).Take(8))
            {
                foreach (var selector in Candidates(element))
                {
                    if (tried.Add(selector) && withRole.All(s => check(s, selector)))
                    {
                        return selector;
                    }
                }
            }
        }
        return null;
    }

    /// <summary>Selectors for an element, the most telling first: its id, its classes, then under its nearest named ancestor.</summary>
    internal static IEnumerable<string> Candidates(IElement element)
    {
        var tag = element.LocalName;
        if (tag == "meta")
        {
            foreach (var attribute in new[] { "property", "name", "itemprop" })
            {
                if (element.GetAttribute(attribute) is { } key && MetaKey().IsMatch(key))
                {
                    yield return $"meta[{attribute}=\"{key}\"]";
                }
            }
            yield break;
        }
        if (GoodName(element.Id))
        {
            yield return "#" + element.Id;
        }
        var own = GoodClasses(element).ToList();
        foreach (var name in own)
        {
            yield return $"{tag}.{name}";
            yield return "." + name;
        }
        if (element.GetAttribute("itemprop") is { } itemprop && Identifier().IsMatch(itemprop))
        {
            yield return $"[itemprop={itemprop}]";
        }
        var depth = 0;
        for (var ancestor = element.ParentElement; ancestor is not null && ancestor.LocalName is not ("body" or "html") && depth < MaxAncestorLevels;
             ancestor = ancestor.ParentElement, depth++)
        {
            var names = new List<string>();
            if (GoodName(ancestor.Id))
            {
                names.Add("#" + ancestor.Id);
            }
            names.AddRange(GoodClasses(ancestor).Select(c => "." + c));
            if (names.Count == 0)
            {
                continue;
            }
            foreach (var name in names)
            {
                foreach (var part in own.Select(c => $"{tag}.{c}").Append(tag))
                {
                    if (depth == 0)
                    {
                        yield return $"{name} > {part}";
                    }
                    yield return $"{name} {part}";
                }
            }
            break;
        }
        yield return tag;
    }

    private static bool GoodName(string? name) => !string.IsNullOrEmpty(name) && name.Length <= 40 && Identifier().IsMatch(name) && !Generated().IsMatch(name);

    private static IEnumerable<string> GoodClasses(IElement element) =>
        element.ClassList.Where(c => GoodName(c) && !PlainClasses.Contains(c));

    /// <summary>Elements that satisfy the test and hold no element that does, in document order.</summary>
    private static List<IElement> Innermost(IDocument document, Func<IElement, bool> test)
    {
        var root = document.Body;
        if (root is null)
        {
            return [];
        }
        // Lengths from one bottom-up pass: asking each element for its TextContent is quadratic on deep pages.
        var stats = new TextStats(root);
        // Code is never a field, whatever numbers or dates its text holds.
        var matches = root.QuerySelectorAll("*")
            .Where(e => stats.Text(e) <= 300 && e.LocalName is not ("script" or "style") && e.Closest("noscript, template, svg") is null && test(e)).ToList();
        return matches.Where(m => !matches.Any(other => other != m && m.Contains(other))).ToList();
    }

    private static List<IElement> TitleElements(IDocument document, string title)
    {
        var headings = document.QuerySelectorAll("h1").Where(h => BodyTextRenderer.Inline(h) == title).ToList();
        return headings.Count > 0 ? headings : Innermost(document, e => BodyTextRenderer.Inline(e) == title);
    }

    private static ProfileDate? DateOf(List<ProfileSample> samples, ParseContext context, Func<ProfileSample, DateTimeOffset?> role)
    {
        bool Reads(ProfileSample s, string selector) => ProfileExtractor.ReadDate(s.Document, new ProfileDate(selector), context) == role(s);
        var selector = Pick(samples, s => DateElements(s.Document, role(s)!.Value, context), Reads, s => role(s) is not null);
        if (selector is null)
        {
            // Some pages of a site carry a meta date and some do not: the meta tag where there is one (it comes first in
            // the page), else the visible date.
            var meta = Pick(samples, s => MetaDates(s.Document, role(s)!.Value, context),
                (s, candidate) => s.Document.QuerySelector(candidate) is null || Reads(s, candidate), s => role(s) is not null);
            var visible = meta is null ? null : Pick(samples, s => DateElements(s.Document, role(s)!.Value, context).Where(e => e.LocalName != "meta"),
                (s, candidate) => Reads(s, $"{meta}, {candidate}"), s => role(s) is not null);
            selector = visible is null ? null : $"{meta}, {visible}";
        }
        return selector is null ? null : new ProfileDate(selector, ProfileDate.RussianFormat);
    }

    private static IEnumerable<IElement> MetaDates(IDocument document, DateTimeOffset date, ParseContext context) =>
        document.QuerySelectorAll("meta[content]").Where(meta => ProfileExtractor.ReadDate(meta, null, context) == date);

    private static IEnumerable<IElement> DateElements(IDocument document, DateTimeOffset date, ParseContext context)
    {
        // Meta tags first: a page's machine-readable date is the most stable thing to point at.
        foreach (var meta in MetaDates(document, date, context))
        {
            yield return meta;
        }
        foreach (var element in Innermost(document, e => e.TextContent.Length <= 120 && ProfileExtractor.ReadDate(e, null, context) == date))
        {
            yield return element;
        }
    }

    private static string? CounterOf(List<ProfileSample> samples, Func<ProfileSample, int?> role) => Pick(samples,
        s => Innermost(s.Document, e => e.TextContent.Length <= 40 && ProfileExtractor.Number(e) == role(s)),
        (s, selector) => ProfileExtractor.FirstNumber(s.Document, selector) == role(s),
        s => role(s) is not null);

    /// <summary>One selector per body root of the first sample that stays inside the body on every sample; together they must hold the main root.</summary>
    private static string? BodyOf(List<ProfileSample> allSamples)
    {
        // A listing page's "body" is its teasers: only articles say where a body is.
        var samples = allSamples.Where(s => s.Page.Kind == PageKind.Article).ToList();
        if (samples.Count == 0 || samples.Any(s => s.Body.Count == 0))
        {
            return null;
        }
        var chosen = new List<string>();
        foreach (var root in samples[0].Body)
        {
            var selector = Candidates(root).FirstOrDefault(c => samples.All(s => SelectsOnlyBody(s, c)));
            if (selector is not null && !chosen.Contains(selector))
            {
                chosen.Add(selector);
            }
        }
        if (chosen.Count == 0)
        {
            return null;
        }
        var union = string.Join(", ", chosen);
        return samples.All(s => s.Document.QuerySelectorAll(union).Contains(MainRoot(s))) ? union : null;
    }

    private static bool SelectsOnlyBody(ProfileSample sample, string selector)
    {
        var matches = sample.Document.QuerySelectorAll(selector);
        return matches.Length > 0 && matches.All(m => sample.Body.Contains(m));
    }

    private static IElement MainRoot(ProfileSample sample) => sample.Body.MaxBy(e => BodyTextRenderer.Inline(e).Length)!;

    /// <summary>Lists of one kind: the container selector reads the same links as the generic extractor did, plus the item date selector when it reads the same dates.</summary>
    private static List<ProfileLinkList> ListsOf(List<ProfileSample> samples, ParseContext context, LinkKind kind)
    {
        bool HasKind(ProfileSample s) => s.Page.Links.Any(l => l.Kind == kind);
        HashSet<string> Expected(ProfileSample s) => s.Page.Links.Where(l => l.Kind == kind).Select(l => l.Url.AbsoluteUri).ToHashSet(StringComparer.Ordinal);
        List<PageLink> Read(ProfileSample s, ProfileLinkList list)
        {
            var links = new List<PageLink>();
            ProfileExtractor.ReadList(s.Document, list, s.Page.Url, context, links, remove: false);
            return links;
        }
        var container = Pick(samples, s => s.Lists.Where(l => l.Kind == kind).Select(l => l.Container),
            (s, selector) => Read(s, new ProfileLinkList(kind, selector)).Select(l => l.Url.AbsoluteUri).ToHashSet(StringComparer.Ordinal).SetEquals(Expected(s)),
            HasKind);
        if (container is null)
        {
            return [];
        }
        var list = new ProfileLinkList(kind, container);
        var dated = samples.Where(s => s.Page.Links.Any(l => l.Kind == kind && l.Published is not null)).ToList();
        if (dated.Count > 0)
        {
            var dateSelector = Pick(dated,
                s => s.Document.QuerySelectorAll(container).SelectMany(c => c.QuerySelectorAll("*"))
                    .Where(e => e.QuerySelector("a") is null && e.Closest("a") is null && ProfileExtractor.ReadDate(e, null, context) is not null),
                (s, selector) => SameDates(Read(s, list with { Date = selector }), s.Page.Links.Where(l => l.Kind == kind)),
                _ => true);
            list = list with { Date = dateSelector };
        }
        return [list];
    }

    private static bool SameDates(IEnumerable<PageLink> read, IEnumerable<PageLink> expected)
    {
        var dates = read.GroupBy(l => l.Url.AbsoluteUri).ToDictionary(g => g.Key, g => g.First().Published, StringComparer.Ordinal);
        return expected.All(l => dates.TryGetValue(l.Url.AbsoluteUri, out var published) && published == l.Published);
    }

    /// <summary>Listing pages: the selector's links are all teasers the generic extractor found, and most of them.</summary>
    private static string? ListingItemsOf(List<ProfileSample> samples, ParseContext context)
    {
        HashSet<string> Teasers(ProfileSample s) => s.Page.Links.Where(l => l.Kind == LinkKind.Listing).Select(l => UrlNormalizer.NormalizeString(l.Url)).ToHashSet(StringComparer.Ordinal);
        return Pick(samples,
            s => TeaserAnchors(s, Teasers(s)),
            (s, selector) =>
            {
                var items = new List<PageLink>();
                ProfileExtractor.ReadListingItems(s.Document, selector, s.Page.Url, context, items);
                var found = items.Select(i => UrlNormalizer.NormalizeString(i.Url)).ToHashSet(StringComparer.Ordinal);
                var expected = Teasers(s);
                return found.Count > 0 && found.IsSubsetOf(expected) && found.Count >= expected.Count * 0.8;
            },
            s => s.Page.Kind == PageKind.Listing);
    }

    /// <summary>Teaser links, and for each the selectors of the item around it, as candidates (".news-item a").</summary>
    private static IEnumerable<IElement> TeaserAnchors(ProfileSample sample, HashSet<string> teasers) =>
        sample.Document.QuerySelectorAll("a[href]").Where(a =>
            UrlNormalizer.Resolve(sample.Page.Url, a.GetAttribute("href")) is { } url && teasers.Contains(UrlNormalizer.NormalizeString(url)));

    private static string? NextPageOf(List<ProfileSample> samples) => Pick(samples,
        s => s.Document.QuerySelectorAll("a[href]").Where(a => UrlNormalizer.Resolve(s.Page.Url, a.GetAttribute("href")) == s.Page.NextPageUrls[0]),
        (s, selector) => ProfileExtractor.Anchors(s.Document.QuerySelectorAll(selector))
            .Select(a => UrlNormalizer.Resolve(s.Page.Url, a.GetAttribute("href"))).FirstOrDefault(u => u is not null && UrlNormalizer.IsSameSite(u, s.Page.Url)) == s.Page.NextPageUrls[0],
        s => s.Page.Kind == PageKind.Listing && s.Page.NextPageUrls.Count > 0);
}
