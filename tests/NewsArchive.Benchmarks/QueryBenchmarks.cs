using BenchmarkDotNet.Attributes;
using NewsArchive.Storage;

namespace NewsArchive.Benchmarks;

/// <summary>
/// The query commands' library calls on a generated archive (NEWSARCHIVE_BENCH_ARCHIVE, made with generate-archive),
/// in-process, on an open store: what a command does after start-up. 50 rows, as a terminal shows.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinIterationCount(5)]
[MaxIterationCount(20)]
public class QueryBenchmarks
{
    private ArchiveStore? _store;
    private long _article;

    [GlobalSetup]
    public void Setup()
    {
        var path = Environment.GetEnvironmentVariable("NEWSARCHIVE_BENCH_ARCHIVE")
            ?? throw new InvalidOperationException("set NEWSARCHIVE_BENCH_ARCHIVE to an archive made with generate-archive");
        _store = ArchiveStore.Open(path, readOnly: true);
        _article = _store.QueryArticles(new ArticleQuery { Limit = 1 }).Single().Id / 2;
        Console.WriteLine($"// {path}: {_store.CountArticles()} articles; links from article {_article}");
    }

    [GlobalCleanup]
    public void Cleanup() => _store?.Dispose();

    [Benchmark]
    public int SearchCommonWord() => _store!.QueryArticles(new ArticleQuery { Text = SyntheticText.CommonWord, Limit = 50 }).Count();

    [Benchmark]
    public int SearchRareWord() => _store!.QueryArticles(new ArticleQuery { Text = SyntheticText.RareWord, Limit = 50 }).Count();

    [Benchmark]
    public int ListSiteMonth() => _store!.QueryArticles(new ArticleQuery
    {
        Sites = ["autostat"],
        From = new DateOnly(2024, 3, 1),
        To = new DateOnly(2024, 3, 31),
        Limit = 50,
    }).Count();

    [Benchmark]
    public int LinksDepth2() => _store!.WalkLinks(_article, LinkDirection.Out, ["related"], 2).Count;

    [Benchmark]
    public int LinksDepth2Both() => _store!.WalkLinks(_article, LinkDirection.Both, ["related"], 2).Count;
}
