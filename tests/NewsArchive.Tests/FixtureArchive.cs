using NewsArchive.Crawling;
using NewsArchive.Parsing;
using NewsArchive.Storage;

namespace NewsArchive.Tests;

/// <summary>Builds archives article by article through <see cref="ArchiveStore.StoreArticle"/>, as a fetch would.</summary>
public sealed class FixtureArchive(ArchiveStore store)
{
    public static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3));
    private readonly Dictionary<string, long> _sites = new(StringComparer.OrdinalIgnoreCase);

    public ArchiveStore Archive { get; } = store;

    public long Add(string site, string path, string title, string body, DateTimeOffset? published = null, int? views = null, int? comments = null,
        IReadOnlyList<string>? authors = null, IReadOnlyList<PageLink>? links = null, DateTimeOffset? fetchedAt = null)
    {
        if (!_sites.TryGetValue(site, out var siteId))
        {
            siteId = Archive.AddSite(site, new Uri($"https://{site}.ru/news/"), [], Now).Id;
            _sites[site] = siteId;
        }
        var url = Url(site, path);
        var page = new ParsedPage
        {
            Url = url,
            Kind = PageKind.Article,
            Title = title,
            Body = body,
            BodyHtml = $"<p>{System.Net.WebUtility.HtmlEncode(body)}</p>",
            Published = published ?? Now,
            PublishedSource = DateSource.Meta,
            Views = views,
            Comments = comments,
            Authors = authors ?? [],
            Links = links ?? [],
        };
        var at = fetchedAt ?? Now;
        var fetch = new FetchRecord(siteId, url, url, at, 200, "ok", null, "text/html",
            System.Text.Encoding.UTF8.GetBytes($"<html>{title}{body}{views}</html>"), null, null);
        return Archive.StoreArticle(siteId, UrlNormalizer.NormalizeString(url), page, fetch);
    }

    public static Uri Url(string site, string path) => new($"https://{site}.ru/news/{path}/");

    public static PageLink Related(string site, string path, string title) => new(Url(site, path), LinkKind.Related, title, null, "Новости по теме");

    public static PageLink Tag(string site, string tag) => new(new Uri($"https://{site}.ru/tags/{Uri.EscapeDataString(tag)}/"), LinkKind.Tag, tag, null, null);

    /// <summary>A body long enough for SimHash: a press release of ~60 words, with a different ending per variant.</summary>
    public static string PressRelease(string ending) =>
        "Компания Haval объявила о запуске производства нового кроссовера на заводе в Тульской области. " +
        "Первые автомобили поступят к дилерам в апреле, а цены будут объявлены ближе к началу продаж. " +
        "По словам представителей компании, локализация производства достигнет пятидесяти процентов к концу года, " +
        "что позволит снизить зависимость от импорта комплектующих и сократить сроки поставок запасных частей " +
        "для владельцев автомобилей по всей стране. " + ending;
}
