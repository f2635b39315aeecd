using NewsArchive.Parsing;
using NewsArchive.Sites;
using NewsArchive.Storage;

namespace NewsArchive.Crawling;

/// <summary>The state of one site's part of a run, handed between the crawler's steps.</summary>
internal sealed class SiteCrawl(Site site, SiteCrawlReport report, ArticleParser parser)
{
    public Site Site { get; } = site;
    public SiteCrawlReport Report { get; } = report;
    /// <summary>Not thread-safe, like the parser: one site is crawled by one task. The site's profile, if any, comes first.</summary>
    public ArticleParser Parser { get; } = parser;
    /// <summary>Stored articles whose sitemap lastmod is newer than their last fetch: revisited to catch the edit.</summary>
    public Dictionary<string, Uri> ChangedInSitemap { get; } = new(StringComparer.Ordinal);
    /// <summary>JavaScript-only shells met this run; each is fetched once more at the end of the site.</summary>
    public List<FrontierEntry> Deferred { get; } = [];
    /// <summary>Dry run: URL keys a real run would queue or already has queued.</summary>
    public HashSet<string> Planned { get; } = new(StringComparer.Ordinal);
}
