using BenchmarkDotNet.Running;
using NewsArchive.Benchmarks;

// `smartreader-extract FILE...` scores the baseline with devset.py; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "smartreader-extract")
{
    return SmartReaderExtract.Run(args.Skip(1));
}
if (args.Length > 0 && args[0] == "serve-synthetic")
{
    // serve-synthetic COUNT [PORT] [--hosts N] [--fault-rate R] [--seed S] [--hang SECONDS]: a generated site for
    // whole-crawl and soak benchmarks; prints one URL per host and runs until killed.
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
    var port = args.Length > 2 && !args[2].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0;
    var hang = TimeSpan.FromSeconds(SoakArguments.Number(args, "--hang", 35));
    await using var site = await SyntheticNewsSite.StartAsync(count, port, (int)SoakArguments.Number(args, "--hosts", 1), SoakArguments.Plan(args), hang);
    foreach (var uri in site.BaseUris)
    {
        Console.WriteLine(uri);
    }
    await site.WaitForShutdownAsync();
    return 0;
}
if (args.Length > 2 && args[0] == "soak-report")
{
    // soak-report PATH COUNT [--fault-rate R] [--seed S]: the archive a soak run made, checked against the fault plan.
    return SoakReport.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), SoakArguments.Plan(args));
}
if (args.Length > 1 && args[0] == "generate-archive")
{
    // generate-archive PATH [COUNT]: a synthetic archive for the query benchmarks (default 1,000,000 articles).
    var articles = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    SyntheticArchive.Generate(args[1], articles, Console.Error);
    return 0;
}
if (args.Length > 1 && args[0] == "archive-size")
{
    // archive-size PATH: stores the dev corpus into a new archive and prints its size per article against the raw HTML.
    return StoreCorpus.ReportArchiveSize(args[1]);
}
if (args.Length > 2 && args[0] == "sql-timing")
{
    // sql-timing PATH SQL...: query plans, row counts and times of statements on an archive.
    return SqlTiming.Run(args[1], args.Skip(2));
}
if (args.Length > 0 && args[0] == "store-split")
{
    // store-split [STRIDE] [ROUNDS] [PASS]: compression, then page-by-page, batch and synthetic storing of every STRIDE-th
    // corpus page (default 10), ROUNDS times (default 1), or only the passes named with PASS: wall and CPU time per article, medians.
    return StoreSplit.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1,
        args.Length > 3 ? args[3] : null);
}
if (args.Length > 1 && args[0] == "export-split")
{
    // export-split PATH: reading vs CSV writing vs read-ahead for an export of every article.
    return ExportSplit.Run(args[1]);
}
if (args.Length > 0 && args[0] == "extract-split")
{
    // extract-split [STRIDE] [ROUNDS]: median time per page of SmartReader, NewsArchive and AngleSharp's parse (default 10, 5).
    return ExtractionSplit.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
}
BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
return 0;
