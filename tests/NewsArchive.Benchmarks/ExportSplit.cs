using System.Diagnostics;
using System.Text;
using NewsArchive.Export;
using NewsArchive.Storage;

namespace NewsArchive.Benchmarks;

/// <summary>
/// export-split PATH: where the time of `export csv` goes, in-process on one thread: reading every article from the
/// archive (no output), then reading and writing CSV to a null stream, then the same with the read-ahead thread.
/// Rows per second and the process CPU time of each pass.
/// </summary>
public static class ExportSplit
{
    public static int Run(string path)
    {
        using var store = ArchiveStore.Open(path, readOnly: true);
        var query = new ArticleQuery { IncludeBody = true };
        Measure("read only", () => store.QueryArticles(query).Count());
        if (Environment.GetEnvironmentVariable("EXPORT_SPLIT_READ_ONLY") == "1")
        {
            return 0;
        }
        Measure("read + CSV (one thread)", () =>
        {
            using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false), 65536);
            return CsvArticleWriter.Write(writer, store.QueryArticles(query), CsvArticleWriter.DefaultColumns);
        });
        Measure("read + CSV (read-ahead thread)", () =>
        {
            using var writer = new StreamWriter(Stream.Null, new UTF8Encoding(false), 65536);
            return CsvArticleWriter.Write(writer, ReadAhead.Of(store.QueryArticles(query)), CsvArticleWriter.DefaultColumns);
        });
        return 0;
    }

    private static void Measure(string name, Func<int> pass)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var rows = pass();
        var wall = clock.Elapsed.TotalSeconds;
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"{name,-32} {rows} rows in {wall:F1} s = {rows / wall:F0} rows/s; CPU {used:F1} s = {used / rows * 1e6:F1} µs a row");
    }
}
