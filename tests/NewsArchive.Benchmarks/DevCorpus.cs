using NewsArchive.Fetching;

namespace NewsArchive.Benchmarks;

/// <summary>
/// Pages of the development corpus outside the repository (../shared/datasets/trafilatura-eval),
/// decoded exactly as fetched pages are. NEWSARCHIVE_DEVSET overrides the location.
/// </summary>
public static class DevCorpus
{
    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable("NEWSARCHIVE_DEVSET") is { Length: > 0 } configured)
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets", "trafilatura-eval");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("development corpus not found: set NEWSARCHIVE_DEVSET to the trafilatura-eval folder");
    }

    /// <summary>Every <paramref name="stride"/>-th page in a stable order, so runs compare the same pages.</summary>
    public static IReadOnlyList<(string File, string Html)> Sample(int stride)
    {
        var root = Locate();
        var files = Directory.GetFiles(Path.Combine(root, "eval"), "*.html")
            .Concat(Directory.GetFiles(Path.Combine(root, "cache"), "*.html"))
            .Order(StringComparer.Ordinal)
            .Where((_, index) => index % stride == 0)
            .ToList();
        return files.Select(f => (f, CharsetDecoder.Decode(File.ReadAllBytes(f), null))).ToList();
    }
}
