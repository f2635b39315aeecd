using BenchmarkDotNet.Running;
using NewsArchive.Benchmarks;

// `smartreader-extract FILE...` scores the baseline with devset.py; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "smartreader-extract")
{
    return SmartReaderExtract.Run(args.Skip(1));
}
BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly).Run(args);
return 0;
