using System.Diagnostics;
using System.IO.Compression;
using NewsArchive.Storage;

namespace NewsArchive.Benchmarks;

/// <summary>
/// store-split [STRIDE]: where the time of storing parsed pages goes, in-process, each pass into a fresh archive:
/// compression alone (Brotli quality 4, the earlier first write, against quality 1, the present one), page by page
/// (the crawl's path), and in one transaction (<see cref="ArchiveStore.StoreArticles"/>) with and without sources.
/// Prints wall time and process CPU time per article: on a loaded machine the CPU time is the steadier figure.
/// </summary>
public static class StoreSplit
{
    public static int Run(int stride)
    {
        var pages = StoreCorpus.Load(stride);
        Console.WriteLine($"{pages.Count} pages, {pages.Average(p => p.Html.Length) / 1024:F0} KB of HTML on average");
        Measure("Brotli quality 4 (earlier first write)", pages.Count, () =>
        {
            foreach (var (_, html) in pages)
            {
                using var output = new MemoryStream();
                using var brotli = new BrotliStream(output, CompressionLevel.Optimal);
                brotli.Write(html);
            }
        });
        Measure("Brotli quality 1 (first write now)", pages.Count, () =>
        {
            foreach (var (_, html) in pages)
            {
                SourceCompression.Compress(html);
            }
        });
        Measure("SHA-256 of the source", pages.Count, () =>
        {
            foreach (var (_, html) in pages)
            {
                SourceCompression.Hash(html);
            }
        });
        foreach (var (name, batch, withSource) in new[]
        {
            ("page by page (StoreArticle)", false, true),
            ("page by page, no source", false, false),
            ("one transaction (StoreArticles)", true, true),
            ("one transaction, no source", true, false),
        })
        {
            var directory = Path.Combine(Path.GetTempPath(), "newsarchive-bench", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                using var store = ArchiveStore.Open(Path.Combine(directory, "archive.db"));
                var site = store.AddSite("site", new Uri("https://www.site0.ru/news/"), [], StoreCorpus.FetchedAt).Id;
                var articles = pages.Select((p, i) => StoreCorpus.ToStore(p.Page, p.Html, site, i, withSource)).ToList();
                Measure(name, articles.Count, () =>
                {
                    if (batch)
                    {
                        store.StoreArticles(articles);
                        return;
                    }
                    foreach (var a in articles)
                    {
                        store.StoreArticle(a.SiteId, a.UrlKey, a.Page, a.Fetch);
                    }
                });
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(directory, recursive: true);
            }
        }
        return 0;
    }

    private static void Measure(string name, int count, Action pass)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        pass();
        var wall = clock.Elapsed.TotalMilliseconds;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine($"{name,-40} wall {wall / count,7:F2} ms ({count * 1000 / wall,6:F0}/s)   CPU {used / count,7:F2} ms an article");
    }
}
