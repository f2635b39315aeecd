using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using NewsArchive.Parsing;

namespace NewsArchive.Benchmarks;

/// <summary>
/// Extraction time over a fixed sample of dev-corpus pages, single thread, in-process.
/// SmartReader (a Readability port on AngleSharp) is the baseline; AngleSharp's parse alone is the floor.
/// Each operation processes the whole sample; divide by <see cref="PageCount"/> for per-page figures.
/// </summary>
[MemoryDiagnoser]
[MinIterationCount(5)]
[MaxIterationCount(15)]
public class ExtractionBenchmarks
{
    private static readonly Uri PageUrl = new("https://example.org/news/article/");
    private IReadOnlyList<(string File, string Html)> _pages = [];
    private readonly HtmlParser _angleSharp = new();
    private readonly ArticleParser _parser = new();
    private readonly ParseContext _context = new(new DateTimeOffset(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3)), SiteTimeZones.Default);

    [Params(10)]
    public int Stride { get; set; }

    public int PageCount => _pages.Count;

    [GlobalSetup]
    public void Setup()
    {
        _pages = DevCorpus.Sample(Stride);
        Console.WriteLine($"// {_pages.Count} pages in the sample");
    }

    [Benchmark(Baseline = true)]
    public int SmartReader()
    {
        var total = 0;
        foreach (var (_, html) in _pages)
        {
            var article = new global::SmartReader.Reader(PageUrl.AbsoluteUri, html).GetArticle();
            total += article.TextContent?.Length ?? 0;
        }
        return total;
    }

    [Benchmark]
    public int NewsArchive()
    {
        var total = 0;
        foreach (var (_, html) in _pages)
        {
            total += _parser.Parse(html, PageUrl, _context).Body.Length;
        }
        return total;
    }

    [Benchmark]
    public int AngleSharpParseOnly()
    {
        var total = 0;
        foreach (var (_, html) in _pages)
        {
            using var document = _angleSharp.ParseDocument(html);
            total += document.All.Length;
        }
        return total;
    }
}
