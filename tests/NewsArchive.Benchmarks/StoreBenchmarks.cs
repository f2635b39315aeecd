using BenchmarkDotNet.Attributes;
using NewsArchive.Parsing;
using NewsArchive.Storage;

namespace NewsArchive.Benchmarks;

/// <summary>
/// Storing parsed dev-corpus pages into a fresh archive, in-process, single thread: page by page as a crawl does
/// (<see cref="ArchiveStore.StoreArticle"/>, one transaction each), with and without the source bytes (hashing and
/// Brotli), and in one transaction (<see cref="ArchiveStore.StoreArticles"/>). Times are per article.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinIterationCount(5)]
[MaxIterationCount(15)]
public class StoreBenchmarks
{
    private const int Pages = 200;
    private IReadOnlyList<(ParsedPage Page, byte[] Html)> _pages = [];
    private string _directory = "";
    private ArchiveStore? _store;
    private long _site;

    [GlobalSetup]
    public void Setup()
    {
        // Every 5th page: about 200 pages of the corpus, their sizes as they come.
        _pages = StoreCorpus.Load(stride: 5).Take(Pages).ToList();
        Console.WriteLine($"// {_pages.Count} pages, {_pages.Average(p => p.Html.Length) / 1024:F0} KB of HTML and {_pages.Average(p => p.Page.Body.Length):F0} characters of body on average");
    }

    [IterationSetup]
    public void NewArchive()
    {
        _directory = Path.Combine(Path.GetTempPath(), "newsarchive-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _store = ArchiveStore.Open(Path.Combine(_directory, "archive.db"));
        _site = _store.AddSite("site", new Uri("https://www.site0.ru/news/"), [], StoreCorpus.FetchedAt).Id;
    }

    [IterationCleanup]
    public void DeleteArchive()
    {
        _store?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pages)]
    public long StoreArticle_PageByPage()
    {
        long last = 0;
        for (var i = 0; i < _pages.Count; i++)
        {
            var a = StoreCorpus.ToStore(_pages[i].Page, _pages[i].Html, _site, i);
            last = _store!.StoreArticle(a.SiteId, a.UrlKey, a.Page, a.Fetch);
        }
        return last;
    }

    [Benchmark(OperationsPerInvoke = Pages)]
    public long StoreArticle_PageByPage_NoSource()
    {
        long last = 0;
        for (var i = 0; i < _pages.Count; i++)
        {
            var a = StoreCorpus.ToStore(_pages[i].Page, _pages[i].Html, _site, i, withSource: false);
            last = _store!.StoreArticle(a.SiteId, a.UrlKey, a.Page, a.Fetch);
        }
        return last;
    }

    [Benchmark(OperationsPerInvoke = Pages)]
    public int StoreArticles_OneTransaction()
    {
        var batch = _pages.Select((p, i) => StoreCorpus.ToStore(p.Page, p.Html, _site, i)).ToList();
        return _store!.StoreArticles(batch).Count;
    }

    [Benchmark(OperationsPerInvoke = Pages)]
    public int StoreArticles_OneTransaction_NoSource()
    {
        var batch = _pages.Select((p, i) => StoreCorpus.ToStore(p.Page, p.Html, _site, i, withSource: false)).ToList();
        return _store!.StoreArticles(batch).Count;
    }
}
