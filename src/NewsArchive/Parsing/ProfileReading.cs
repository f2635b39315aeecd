using AngleSharp.Dom;

namespace NewsArchive.Parsing;

/// <summary>What a site profile's selectors found on one page; null or empty where they found nothing.</summary>
internal sealed class ProfileReading
{
    public string? Title { get; set; }
    public DateTimeOffset? Published { get; set; }
    public DateTimeOffset? Modified { get; set; }
    public IReadOnlyList<string>? Authors { get; set; }
    public int? Views { get; set; }
    public int? Comments { get; set; }
    /// <summary>Related, sidebar and tag links found by the profile's lists.</summary>
    public List<PageLink> Links { get; } = [];
    public List<PageLink> ListingItems { get; } = [];
    public List<Uri> NextPages { get; } = [];
    public IReadOnlyList<IElement>? Body { get; set; }
    /// <summary>The fields taken from the profile, in profile order, for the caller to see what matched.</summary>
    public List<string> Fields { get; } = [];

    /// <summary>The generic result with every field the profile found put in its place.</summary>
    public ParsedPage Apply(ParsedPage page)
    {
        var links = page.Links.ToList();
        foreach (var kind in Links.Select(l => l.Kind).Distinct())
        {
            // The profile's list of a kind replaces the generic guess of that kind.
            links.RemoveAll(l => l.Kind == kind);
        }
        links.AddRange(Links);
        var pageKind = page.Kind;
        if (ListingItems.Count > 0 && (Body is null || pageKind == PageKind.Listing))
        {
            pageKind = PageKind.Listing;
            links.RemoveAll(l => l.Kind is LinkKind.Body or LinkKind.Listing);
            links.AddRange(ListingItems);
        }
        else if (Body is not null && pageKind != PageKind.Article && page.Body.Length > 0 && (Title ?? page.Title) is not null)
        {
            // The site's own article container matched: an article, however short.
            pageKind = PageKind.Article;
        }
        return page with
        {
            Kind = pageKind,
            Title = Title ?? page.Title,
            Published = Published ?? page.Published,
            PublishedSource = Published is null ? page.PublishedSource : DateSource.Profile,
            Modified = Modified ?? page.Modified,
            Authors = Authors ?? page.Authors,
            Views = Views ?? page.Views,
            Comments = Comments ?? page.Comments,
            Links = links,
            NextPageUrls = NextPages.Count > 0 ? NextPages : page.NextPageUrls,
            ProfileFields = Fields,
        };
    }
}
