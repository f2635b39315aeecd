using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Parser;
using NewsArchive.Parsing;

namespace NewsArchive.Benchmarks;

/// <summary>
/// extract-split [STRIDE] [ROUNDS]: median time per page of SmartReader, ArticleParser.Parse and AngleSharp's parse
/// alone (default options, and ArticleParser's), in-process, single thread, on every STRIDE-th corpus page. The three run in turn on each page in every
/// round, so load swings hit them alike; a page's time is its fastest round, the figure is the median over pages.
/// With ROUNDS 0 it only runs ArticleParser.Parse in a loop for a profiler (dotnet-trace) to sample.
/// </summary>
public static class ExtractionSplit
{
    private static readonly Uri PageUrl = new("https://example.org/news/article/");

    public static int Run(int stride, int rounds)
    {
        var pages = DevCorpus.Sample(stride);
        var parser = new ArticleParser();
        var angleSharp = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        // As ArticleParser builds its parser: no comment nodes, no position tracking.
        var angleSharpLean = new HtmlParser(new HtmlParserOptions { IsScripting = false, SkipComments = true, DisableElementPositionTracking = true });
        var context = new ParseContext(new DateTimeOffset(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3)), SiteTimeZones.Default);
        if (rounds == 0)
        {
            var clock = Stopwatch.StartNew();
            for (var pass = 0; pass < 5; pass++)
            {
                foreach (var (_, html) in pages)
                {
                    parser.Parse(html, PageUrl, context);
                }
            }
            Console.WriteLine($"{pages.Count} pages x 5 passes in {clock.ElapsedMilliseconds} ms");
            return 0;
        }
        var methods = new (string Name, Action<string> Run)[]
        {
            ("SmartReader", html => new SmartReader.Reader(PageUrl.AbsoluteUri, html).GetArticle()),
            ("NewsArchive", html => parser.Parse(html, PageUrl, context)),
            ("AngleSharp parse", html => angleSharp.ParseDocument(html).Dispose()),
            ("AngleSharp lean", html => angleSharpLean.ParseDocument(html).Dispose()),
        };
        var best = new double[methods.Length, pages.Count];
        for (var m = 0; m < methods.Length; m++)
        {
            for (var p = 0; p < pages.Count; p++)
            {
                best[m, p] = double.MaxValue;
            }
        }
        // Round 0 warms up (JIT, caches) and is not counted.
        for (var round = 0; round <= rounds; round++)
        {
            for (var p = 0; p < pages.Count; p++)
            {
                for (var m = 0; m < methods.Length; m++)
                {
                    var start = Stopwatch.GetTimestamp();
                    methods[m].Run(pages[p].Html);
                    var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    if (round > 0)
                    {
                        best[m, p] = Math.Min(best[m, p], ms);
                    }
                }
            }
        }
        Console.WriteLine($"{pages.Count} pages (every {stride}th), {rounds} rounds, fastest round per page");
        var medians = new double[methods.Length];
        for (var m = 0; m < methods.Length; m++)
        {
            medians[m] = Median(Enumerable.Range(0, pages.Count).Select(p => best[m, p]));
            var total = Enumerable.Range(0, pages.Count).Sum(p => best[m, p]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{methods[m].Name,-18} median {medians[m],7:F2} ms/page   total {total,8:F0} ms   ratio of medians to SmartReader {medians[m] / medians[0]:F2}"));
        }
        var perPage = Median(Enumerable.Range(0, pages.Count).Select(p => best[1, p] / best[0, p]));
        var parseShare = Median(Enumerable.Range(0, pages.Count).Select(p => best[3, p] / best[1, p]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median per-page ratio NewsArchive/SmartReader {perPage:F2}; AngleSharp's parse (as ArticleParser parses) share of NewsArchive: median per page {parseShare:F2}, of medians {medians[3] / medians[1]:F2}"));
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
