using NewsArchive.Crawling;
using NewsArchive.Fetching;
using NewsArchive.Parsing;
using NewsArchive.Storage;

namespace NewsArchive.Benchmarks;

/// <summary>
/// Real pages of the development corpus, parsed once, ready to store as a fetch would: the parse result and the
/// page's bytes as fetched. Each page gets its own URL on one of a few sites.
/// </summary>
public static class StoreCorpus
{
    public static readonly DateTimeOffset FetchedAt = new(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3));

    public static IReadOnlyList<(ParsedPage Page, byte[] Html)> Load(int stride)
    {
        var parser = new ArticleParser();
        var context = new ParseContext(FetchedAt, SiteTimeZones.Default);
        var root = DevCorpus.Locate();
        var files = Directory.GetFiles(Path.Combine(root, "eval"), "*.html")
            .Concat(Directory.GetFiles(Path.Combine(root, "cache"), "*.html"))
            .Order(StringComparer.Ordinal)
            .Where((_, index) => index % stride == 0)
            .ToList();
        var pages = new List<(ParsedPage, byte[])>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var bytes = File.ReadAllBytes(files[i]);
            var url = new Uri($"https://www.site{i % 5}.ru/news/{i}/");
            pages.Add((parser.Parse(CharsetDecoder.Decode(bytes, null), url, context) with { CanonicalUrl = url }, bytes));
        }
        return pages;
    }

    /// <summary>What the crawler hands the store for page <paramref name="index"/>, with or without its source bytes.</summary>
    public static ArticleToStore ToStore(ParsedPage page, byte[] html, long siteId, int index, bool withSource = true)
    {
        var url = page.CanonicalUrl ?? page.Url;
        var fetch = new FetchRecord(siteId, url, url, FetchedAt.AddSeconds(index), 200, "ok", null, "text/html; charset=utf-8",
            withSource ? html : null, null, null);
        return new ArticleToStore(siteId, UrlNormalizer.NormalizeString(url), page, fetch);
    }

    /// <summary>
    /// archive-size: stores every page of the corpus into a new archive page by page (the crawl's path, timed), prints
    /// the archive's size per article against the raw HTML, then recompresses the sources (<c>compact</c>, timed) and
    /// prints the size again: pages in use, and the file after a VACUUM (compaction frees pages that later writes reuse).
    /// </summary>
    public static int ReportArchiveSize(string path)
    {
        var pages = Load(stride: 1);
        var raw = pages.Sum(p => (long)p.Html.Length);
        Console.WriteLine($"pages: {pages.Count}, raw HTML: {raw / 1048576.0:F1} MB ({raw / pages.Count / 1024.0:F1} KB a page)");
        using (var store = ArchiveStore.Open(path))
        {
            var site = store.AddSite("site", new Uri("https://www.site0.ru/news/"), [], FetchedAt).Id;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < pages.Count; i++)
            {
                var article = ToStore(pages[i].Page, pages[i].Html, site, i);
                store.StoreArticle(article.SiteId, article.UrlKey, article.Page, article.Fetch);
            }
            Console.WriteLine($"stored page by page in {clock.Elapsed.TotalSeconds:F1} s = {pages.Count / clock.Elapsed.TotalSeconds:F0} articles/s");
            Report(path, raw, pages.Count, "as fetched");
            clock.Restart();
            var done = store.CompactSources();
            Console.WriteLine($"compact: {done.Sources} sources in {clock.Elapsed.TotalSeconds:F1} s = {clock.Elapsed.TotalMilliseconds / done.Sources:F0} ms a source (2 threads)");
        }
        Report(path, raw, pages.Count, "after compact");
        return 0;
    }

    private static void Report(string path, long raw, int pages, string when)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT sum(raw_size), sum(length(compressed)) FROM sources";
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            Console.WriteLine($"{when}: compressed sources: {reader.GetInt64(1) / 1048576.0:F1} MB = {100.0 * reader.GetInt64(1) / reader.GetInt64(0):F1}% of their raw size");
        }
        command.CommandText = "SELECT (SELECT page_count FROM pragma_page_count) - (SELECT freelist_count FROM pragma_freelist_count), (SELECT page_size FROM pragma_page_size)";
        long used;
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            used = reader.GetInt64(0) * reader.GetInt64(1);
        }
        Console.WriteLine($"{when}: pages in use: {used / 1048576.0:F1} MB = {used / pages / 1024.0:F1} KB an article = {100.0 * used / raw:F1}% of the raw HTML");
        command.CommandText = "VACUUM";
        command.ExecuteNonQuery();
        var file = new FileInfo(path).Length;
        Console.WriteLine($"{when}: archive file after VACUUM: {file / 1048576.0:F1} MB = {file / pages / 1024.0:F1} KB an article = {100.0 * file / raw:F1}% of the raw HTML");
    }
}
