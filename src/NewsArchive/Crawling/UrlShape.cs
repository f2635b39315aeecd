using System.Text.RegularExpressions;

namespace NewsArchive.Crawling;

/// <summary>
/// Tells from a URL alone that it is not an article: tag, rubric, author, search, archive and pagination pages,
/// login and print versions, and files that are not pages (PDF, images, office documents). Such URLs never enter
/// the frontier; the parser's page kind decides the rest after the fetch.
/// </summary>
public static partial class UrlShape
{
    /// <summary>Why the URL is not an article, or null when its shape allows an article.</summary>
    public static string? NotArticleReason(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.AbsolutePath;
        if (FileExtension().Match(path) is { Success: true } file)
        {
            return $"not a page (.{file.Groups[1].Value.ToLowerInvariant()})";
        }
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = Uri.UnescapeDataString(segment).ToLowerInvariant();
            if (PageSegment().Match(word) is { Success: true } match)
            {
                return $"not an article ({Describe(match.Groups[1].Value)} page)";
            }
        }
        if (PaginationPath().IsMatch(path) || PaginationQuery().IsMatch(url.Query))
        {
            return "not an article (listing page)";
        }
        if (DateArchivePath().IsMatch(path))
        {
            return "not an article (date archive)";
        }
        if (ServiceQuery().Match(url.Query) is { Success: true } query)
        {
            return $"not an article ({Describe(query.Groups[1].Value.ToLowerInvariant())} page)";
        }
        return null;
    }

    /// <summary>
    /// Drops URLs whose path is a strict prefix of another candidate's path on the same host: on news sites
    /// <c>/news/market/</c> next to <c>/news/market/some-story/</c> is the rubric, not a story.
    /// </summary>
    public static IReadOnlyList<T> WithoutSectionPrefixes<T>(IReadOnlyList<T> candidates, Func<T, Uri> url)
    {
        var paths = candidates.Select(c => Trimmed(url(c))).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return candidates.Where(c =>
        {
            var own = Trimmed(url(c));
            return !paths.Any(other => other.Length > own.Length + 1 && other.StartsWith(own + "/", StringComparison.OrdinalIgnoreCase));
        }).ToList();

        static string Trimmed(Uri u) => u.Authority + u.AbsolutePath.TrimEnd('/');
    }

    private static string Describe(string word) => word switch
    {
        "tag" or "tags" or "teg" or "tegi" or "tema" or "temy" or "topic" or "topics" => "tag",
        "rubric" or "rubrics" or "rubrika" or "rubriki" or "category" or "categories" or "section" or "sections" => "rubric",
        "search" or "poisk" or "q" or "query" or "s" or "find" => "search",
        "print" or "print_version" or "printable" or "version" => "print",
        "author" or "authors" or "avtor" or "avtory" => "author",
        "archive" or "arhiv" or "arkhiv" or "archives" => "archive",
        _ => "login",
    };

    [GeneratedRegex(@"\.(pdf|docx?|xlsx?|pptx?|rtf|odt|zip|rar|7z|gz|tar|jpe?g|png|gif|webp|svg|bmp|tiff?|mp3|mp4|m4a|avi|mov|wmv|webm|exe|apk|dmg|iso|csv|ics)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileExtension();

    [GeneratedRegex(@"^(tag|tags|teg|tegi|tema|temy|topic|topics|rubric|rubrics|rubrika|rubriki|category|categories|search|poisk|print|print_version|printable|author|authors|avtor|avtory|archive|archives|arhiv|arkhiv|login|logout|auth|signin|signup|register|registration|personal|cabinet|account|profile|user|users|forgot-password|forgot_password|subscribe|podpiska)$", RegexOptions.CultureInvariant)]
    private static partial Regex PageSegment();

    [GeneratedRegex(@"/page[/-]\d+/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PaginationPath();

    [GeneratedRegex(@"[?&](PAGEN_\d+|page)=\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PaginationQuery();

    // /2026/, /2026/03/, /news/2026/03/12/: a calendar page, not a story.
    [GeneratedRegex(@"/(19|20)\d\d(/\d{1,2}){0,2}/?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateArchivePath();

    [GeneratedRegex(@"[?&](print|q|query|search|s|tags?|login|logout|register|forgot_password|auth_service_id)(=|&|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ServiceQuery();
}
