using System.Diagnostics;
using System.IO.Compression;
using NewsArchive.Storage;

namespace NewsArchive.Benchmarks;

/// <summary>
/// store-split [STRIDE] [ROUNDS] [PASS]: where the time of storing parsed pages goes, in-process: compression alone
/// (Brotli quality 4, the earlier first write, against quality 1, the present one), then storing page by page (the
/// crawl's path), in one transaction (<see cref="ArchiveStore.StoreArticles"/>) with and without sources, and
/// generate-archive's synthetic articles. Each store pass has its own archive, which every round adds the same pages
/// to under new URLs (synthetic: the next articles), the passes taking turns; the first round (empty archive, cold
/// stem caches, code not yet optimised) is left out of the medians, so they are a long import's steady state. With
/// PASS only the store passes whose name contains it (the corpus is then parsed only if one of them needs it).
/// Prints wall time and process CPU time per article: on a loaded machine the CPU time is the steadier figure.
/// </summary>
public static class StoreSplit
{
    private const int SyntheticCount = 2000;
    private const int BatchSize = 1000;

    public static int Run(int stride, int rounds, string? only = null)
    {
        var pages = new Lazy<IReadOnlyList<(Parsing.ParsedPage Page, byte[] Html)>>(() => StoreCorpus.Load(stride));
        // Each pass adds its sites to its archive, then makes each round's articles, outside the timed part. The
        // synthetic pass is generate-archive's work: short articles (1 KB bodies, 4 links, no source), 1,000 a transaction.
        var passes = new (string Name, Func<ArchiveStore, Func<int, IReadOnlyList<ArticleToStore>>> Setup, bool Batch)[]
        {
            ("page by page (StoreArticle)", store => Corpus(store, pages.Value, withSource: true), false),
            ("page by page, no source", store => Corpus(store, pages.Value, withSource: false), false),
            ("one transaction (StoreArticles)", store => Corpus(store, pages.Value, withSource: true), true),
            ("one transaction, no source", store => Corpus(store, pages.Value, withSource: false), true),
            ($"synthetic, {SyntheticCount:N0} a round, {BatchSize:N0} a transaction", Synthetic, true),
        };
        passes = [.. passes.Where(p => only is null || p.Name.Contains(only, StringComparison.Ordinal))];
        if (only is null)
        {
            Compression(pages.Value);
        }
        var directory = Path.Combine(Path.GetTempPath(), "newsarchive-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var stores = new List<ArchiveStore>();
        try
        {
            var rounders = new List<Func<int, IReadOnlyList<ArticleToStore>>>();
            foreach (var pass in passes)
            {
                stores.Add(ArchiveStore.Open(Path.Combine(directory, $"archive{stores.Count}.db")));
                rounders.Add(pass.Setup(stores[^1]));
            }
            Settle();
            var results = passes.Select(_ => new List<(double Cpu, double Wall)>()).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                for (var p = 0; p < passes.Length; p++)
                {
                    var articles = rounders[p](round);
                    var store = stores[p];
                    var batch = passes[p].Batch;
                    var result = Measure($"{passes[p].Name} (round {round + 1})", articles.Count, () => Store(store, articles, batch));
                    if (round > 0 || rounds == 1)
                    {
                        results[p].Add(result);
                    }
                }
            }
            Console.WriteLine($"medians of rounds 2 to {rounds}:");
            for (var p = 0; p < passes.Length; p++)
            {
                var cpu = Median(results[p].Select(r => r.Cpu));
                var wall = Median(results[p].Select(r => r.Wall));
                Console.WriteLine($"{passes[p].Name,-40} wall {wall,7:F3} ms ({1000 / wall,6:F0}/s)   CPU {cpu,7:F3} ms an article");
            }
        }
        finally
        {
            foreach (var store in stores)
            {
                store.Dispose();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
        return 0;
    }

    /// <summary>
    /// Waits (up to a minute) until the process is idle: parsing the corpus leaves the runtime compiling optimised code
    /// on a background thread for seconds, whose CPU time would otherwise be counted against the first passes.
    /// </summary>
    private static void Settle()
    {
        var clock = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            Thread.Sleep(500);
            process.Refresh();
            if ((process.TotalProcessorTime - before).TotalMilliseconds < 25)
            {
                break;
            }
        }
        Console.WriteLine($"settled in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static void Store(ArchiveStore store, IReadOnlyList<ArticleToStore> articles, bool batch)
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
    }

    private static void Compression(IReadOnlyList<(Parsing.ParsedPage Page, byte[] Html)> pages)
    {
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
    }

    /// <summary>The corpus pages under new URLs each round (a page's canonical URL is its own, as fetched).</summary>
    private static Func<int, IReadOnlyList<ArticleToStore>> Corpus(ArchiveStore store, IReadOnlyList<(Parsing.ParsedPage Page, byte[] Html)> pages, bool withSource)
    {
        var site = store.AddSite("site", new Uri("https://www.site0.ru/news/"), [], StoreCorpus.FetchedAt).Id;
        return round => pages.Select((p, i) =>
        {
            var url = new Uri((p.Page.CanonicalUrl ?? p.Page.Url).AbsoluteUri + $"{round}/");
            return StoreCorpus.ToStore(p.Page with { CanonicalUrl = url }, p.Html, site, i, withSource);
        }).ToList();
    }

    /// <summary>The next <see cref="SyntheticCount"/> articles of a generated million-article archive each round.</summary>
    private static Func<int, IReadOnlyList<ArticleToStore>> Synthetic(ArchiveStore store)
    {
        var next = SyntheticArchive.Articles(new SyntheticText(seed: 20260312), SyntheticArchive.AddSites(store), 1_000_000).GetEnumerator();
        return _ =>
        {
            var round = new List<ArticleToStore>(SyntheticCount);
            while (round.Count < SyntheticCount && next.MoveNext())
            {
                round.Add(next.Current);
            }
            return round;
        };
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static (double Cpu, double Wall) Measure(string name, int count, Action pass)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        pass();
        var wall = clock.Elapsed.TotalMilliseconds;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine($"{name,-40} wall {wall / count,7:F2} ms ({count * 1000 / wall,6:F0}/s)   CPU {used / count,7:F2} ms an article   "
            + $"{(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / count,5:F0} KB allocated, {GC.CollectionCount(0) - collections} GCs");
        return (used / count, wall / count);
    }
}
