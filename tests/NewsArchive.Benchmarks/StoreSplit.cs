using System.Diagnostics;
using System.IO.Compression;
using NewsArchive.Storage;

namespace NewsArchive.Benchmarks;

/// <summary>
/// store-split [STRIDE] [ROUNDS]: where the time of storing parsed pages goes, in-process, each pass into a fresh archive:
/// compression alone (Brotli quality 4, the earlier first write, against quality 1, the present one), page by page
/// (the crawl's path), in one transaction (<see cref="ArchiveStore.StoreArticles"/>) with and without sources, and
/// generate-archive's synthetic articles. The store passes run ROUNDS times in turn and their medians are printed.
/// Prints wall time and process CPU time per article: on a loaded machine the CPU time is the steadier figure.
/// </summary>
public static class StoreSplit
{
    private const int SyntheticCount = 2000;
    private const int BatchSize = 1000;

    public static int Run(int stride, int rounds)
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
        // Each pass makes its articles for the store it is given (site ids), outside the timed part. The synthetic pass
        // is generate-archive's work: short articles (1 KB bodies, 4 links, no source) in transactions of 1,000.
        var passes = new (string Name, Func<ArchiveStore, IReadOnlyList<ArticleToStore>> Articles, bool Batch)[]
        {
            ("page by page (StoreArticle)", store => Corpus(store, pages, withSource: true), false),
            ("page by page, no source", store => Corpus(store, pages, withSource: false), false),
            ("one transaction (StoreArticles)", store => Corpus(store, pages, withSource: true), true),
            ("one transaction, no source", store => Corpus(store, pages, withSource: false), true),
            ($"synthetic, {SyntheticCount:N0}, {BatchSize:N0} a transaction", Synthetic, true),
        };
        var results = passes.Select(_ => new List<(double Cpu, double Wall)>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var p = 0; p < passes.Length; p++)
            {
                results[p].Add(StorePass(passes[p].Name, passes[p].Articles, passes[p].Batch));
            }
        }
        Console.WriteLine($"medians of {rounds} rounds:");
        for (var p = 0; p < passes.Length; p++)
        {
            var cpu = Median(results[p].Select(r => r.Cpu));
            var wall = Median(results[p].Select(r => r.Wall));
            Console.WriteLine($"{passes[p].Name,-40} wall {wall,7:F3} ms ({1000 / wall,6:F0}/s)   CPU {cpu,7:F3} ms an article");
        }
        return 0;
    }

    private static (double Cpu, double Wall) StorePass(string name, Func<ArchiveStore, IReadOnlyList<ArticleToStore>> make, bool batch)
    {
        var directory = Path.Combine(Path.GetTempPath(), "newsarchive-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            using var store = ArchiveStore.Open(Path.Combine(directory, "archive.db"));
            var articles = make(store);
            return Measure(name, articles.Count, () =>
            {
                if (batch)
                {
                    foreach (var chunk in articles.Chunk(BatchSize))
                    {
                        store.StoreArticles(chunk);
                    }
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

    private static IReadOnlyList<ArticleToStore> Corpus(ArchiveStore store, IReadOnlyList<(Parsing.ParsedPage Page, byte[] Html)> pages, bool withSource)
    {
        var site = store.AddSite("site", new Uri("https://www.site0.ru/news/"), [], StoreCorpus.FetchedAt).Id;
        return pages.Select((p, i) => StoreCorpus.ToStore(p.Page, p.Html, site, i, withSource)).ToList();
    }

    private static IReadOnlyList<ArticleToStore> Synthetic(ArchiveStore store) =>
        SyntheticArchive.Articles(new SyntheticText(seed: 20260312), SyntheticArchive.AddSites(store), SyntheticCount).ToList();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static (double Cpu, double Wall) Measure(string name, int count, Action pass)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        pass();
        var wall = clock.Elapsed.TotalMilliseconds;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine($"{name,-40} wall {wall / count,7:F2} ms ({count * 1000 / wall,6:F0}/s)   CPU {used / count,7:F2} ms an article");
        return (used / count, wall / count);
    }
}
