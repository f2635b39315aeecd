using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsArchive.Crawling;
using NewsArchive.Sites;

namespace NewsArchive.Parsing;

/// <summary>
/// Turns one HTML page into a <see cref="ParsedPage"/>: metadata, dates and counters are read from
/// the whole page; link lists are taken out; chrome is removed; the body is what remains.
/// Not thread-safe: use one instance per worker.
/// </summary>
public sealed class ArticleParser
{
    private const int MinArticleBodyLength = 200;
    private const int ArticleTextLength = 600;
    private readonly HtmlParser _parser;
    private readonly DateExtractor _dates = new();
    private readonly BodyHtmlRenderer _bodyHtml = new();
    private readonly SiteProfile? _profile;

    /// <summary>A parser for any site, or with a profile, one whose selectors come first for the site's pages.</summary>
    public ArticleParser(SiteProfile? profile = null)
        // Comments are never text (PageCleaner took them out after the parse) and nothing reads element positions:
        // neither is built.
        : this(profile, new HtmlParserOptions { IsScripting = false, SkipComments = true, DisableElementPositionTracking = true })
    {
    }

    /// <summary>With the tree builder's options given: tests hook <see cref="HtmlParserOptions.OnCreated"/> to make a parse fail.</summary>
    internal ArticleParser(SiteProfile? profile, HtmlParserOptions options)
    {
        _profile = profile;
        _parser = new HtmlParser(options);
    }

    private static readonly Uri PlaceholderUrl = new("http://localhost/");

    /// <summary>Parses a page; without a URL (a saved file) the page's own canonical or og:url is used.</summary>
    public ParsedPage Parse(string html, Uri? url, ParseContext context) => Parse(html, url, context, null);

    /// <summary>As the public Parse; with a trace, the elements chosen are recorded in it.</summary>
    internal ParsedPage Parse(string html, Uri? url, ParseContext context, ParseTrace? trace)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (HtmlNesting.IsDeeperThan(html))
        {
            return new ParsedPage
            {
                Url = url ?? PlaceholderUrl,
                Kind = PageKind.Other,
                Unreadable = string.Create(CultureInfo.InvariantCulture, $"markup nested more than {HtmlNesting.MaxDepth} levels deep"),
            };
        }

        using var document = _parser.ParseDocument(html);
        if (trace is not null)
        {
            ParseTrace.Number(document);
        }
        return Parse(document, url ?? OwnUrl(document) ?? PlaceholderUrl, context, trace);
    }

    private static Uri? OwnUrl(IDocument document)
    {
        var candidates = new[]
        {
            PreparsedSelectors.First(document, PreparsedSelectors.Canonical)?.GetAttribute("href"),
            MetadataExtractor.Meta(document, "og:url"),
        };
        foreach (var candidate in candidates)
        {
            if (Uri.TryCreate(candidate?.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                return url;
            }
        }
        return null;
    }

    private ParsedPage Parse(IDocument document, Uri url, ParseContext context, ParseTrace? trace)
    {
        PageCleaner.UnwrapNoScriptText(document);
        PageCleaner.RemoveRubyAnnotations(document);
        var countryZone = context.ZoneFromDomain ? SiteTimeZones.ForHost(url.IdnHost) : null;
        if (countryZone is not null)
        {
            context = context with { SiteZone = countryZone };
        }
        // After the unwrapping, which moves elements: from here on elements are only removed.
        var elements = new PageElements(document);
        var metadata = MetadataExtractor.Extract(document, url, elements);
        var dates = _dates.Extract(document, url, context.Now, context.SiteZone, metadata.Title, localizeUtc: countryZone is not null);
        var pageStats = new TextStats(elements);
        var (views, comments) = CounterExtractor.Extract(pageStats, elements);
        var nextPages = ListingExtractor.FindNextPages(elements, url);
        var profiled = _profile is null ? null : ProfileExtractor.Read(document, _profile, url, context);
        var lists = LinkListExtractor.Extract(elements, url, context, pageStats);
        foreach (var list in lists)
        {
            foreach (var element in list.Elements)
            {
                element.Remove();
            }
        }
        // Teasers are read once related and site-wide lists are out: "Популярное" is not the listing.
        var teasers = ListingExtractor.FindTeaserLinks(elements, url, context);

        PageCleaner.Clean(document, pageStats);
        var stats = new TextStats(elements);
        var bodyRoots = profiled?.Body ?? ContentExtractor.WithShownLead(ContentExtractor.FindBody(document, stats), metadata.Description, elements, stats);
        if (trace is not null)
        {
            trace.Body = bodyRoots;
            trace.Lists.AddRange(lists.Select(l => (l.Kind, l.Elements[0])));
        }
        foreach (var root in bodyRoots)
        {
            BodyPruner.Prune(root, profiled?.Title ?? metadata.Title, context, stats);
        }
        var body = BodyTextRenderer.Render(bodyRoots);

        var links = new List<PageLink>();
        foreach (var list in lists)
        {
            links.AddRange(list.Items);
        }
        foreach (var root in bodyRoots)
        {
            foreach (var anchor in PreparsedSelectors.All(root, PreparsedSelectors.Links))
            {
                if (UrlNormalizer.Resolve(url, anchor.GetAttribute("href")) is { } target)
                {
                    links.Add(new PageLink(target, LinkKind.Body, BodyTextRenderer.Inline(anchor), null, null));
                }
            }
        }

        var bodyHtml = _bodyHtml.Render(bodyRoots, url);

        var bodyLinkText = links.Where(l => l.Kind == LinkKind.Body).Sum(l => l.AnchorText?.Length ?? 0);
        var kind = DecideKind(url, metadata, body, bodyLinkText, nextPages, teasers);
        if (kind == PageKind.Listing)
        {
            // A listing's links are its teasers. Its date stays: a page called a listing by mistake keeps it.
            links.RemoveAll(l => l.Kind == LinkKind.Body);
            links.AddRange(teasers);
        }

        var (published, source) = (dates.Published, dates.PublishedSource);
        if (context.FeedPublished is { } feedDate && (published is null || source is DateSource.VisibleText or DateSource.ScriptData or DateSource.Url))
        {
            // A feed's pubDate beats a date guessed from the page's text.
            (published, source) = (feedDate, DateSource.Feed);
        }

        published = DateOnlyFromEast(published);
        var page = new ParsedPage
        {
            Url = url,
            CanonicalUrl = metadata.CanonicalUrl,
            Kind = kind,
            Title = metadata.Title,
            Lead = metadata.Description,
            Body = body,
            BodyHtml = bodyHtml,
            Published = published,
            PublishedSource = source,
            Modified = DateOnlyFromEast(dates.Modified),
            Authors = metadata.Authors,
            Views = views,
            Comments = comments,
            Links = links,
            FeedUrls = metadata.FeedUrls,
            NextPageUrls = nextPages,
        };
        return profiled is null ? page : profiled.Apply(page);
    }

    /// <summary>
    /// "2021-11-04T23:00:00Z" is a bare date entered in a zone east of UTC (midnight of 5 November
    /// at +01:00) that the CMS stored as UTC: it is read back as that midnight.
    /// </summary>
    private static DateTimeOffset? DateOnlyFromEast(DateTimeOffset? date)
    {
        if (date is not { Offset.Ticks: 0, Minute: 0, Second: 0, Millisecond: 0, Hour: >= 20 } utc)
        {
            return date;
        }
        var offset = TimeSpan.FromHours(24 - utc.Hour);
        return utc.ToOffset(offset);
    }

    private static PageKind DecideKind(Uri url, PageMetadata metadata, string body, int bodyLinkText, IReadOnlyList<Uri> nextPages, IReadOnlyList<PageLink> teasers)
    {
        if (metadata.DeclaresArticle && body.Length >= 100)
        {
            return PageKind.Article;
        }
        if (teasers.Count >= 3 && bodyLinkText >= body.Length * 0.25)
        {
            // The "body" is headlines with a line each: a listing, or a tag page without pagination.
            return PageKind.Listing;
        }
        if (body.Length >= ArticleTextLength && metadata.Title is not null)
        {
            // Real running text wins over pagination and teaser links in the page's sidebars: skipping an article costs more.
            return PageKind.Article;
        }
        var paginated = nextPages.Count > 0 || Vocabulary.PaginationUrl().IsMatch(url.PathAndQuery);
        if (paginated && teasers.Count >= 3)
        {
            return PageKind.Listing;
        }
        if (body.Length >= MinArticleBodyLength && metadata.Title is not null)
        {
            return teasers.Count >= 8 && teasers.Sum(t => t.AnchorText?.Length ?? 0) > body.Length * 0.5 ? PageKind.Listing : PageKind.Article;
        }
        return teasers.Count >= 3 ? PageKind.Listing : PageKind.Other;
    }
}
