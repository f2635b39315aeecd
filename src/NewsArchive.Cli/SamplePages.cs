using NewsArchive.Fetching;
using NewsArchive.Sites;

namespace NewsArchive.Cli;

/// <summary>The URL|FILE arguments of extract and profile suggest, and the --profile file both read.</summary>
public static class SamplePages
{
    /// <summary>Reads each source in order; a fetcher (and its HTTP client) exists only if some source is a URL.</summary>
    public static async IAsyncEnumerable<SamplePage> ReadAsync(IReadOnlyList<string> sources, CliContext context,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var options = new FetchOptions { AcceptedMediaTypes = FetchOptions.CrawlableMediaTypes };
        using var http = sources.Any(SamplePageReader.IsUrl) ? FetchHttpClientBuilder.Create(options) : null;
        var reader = new SamplePageReader(http is null ? null : new PageFetcher(http, options, context.Time));
        foreach (var source in sources)
        {
            yield return await reader.ReadAsync(source, ct);
        }
    }

    /// <summary>A profile file, validated: any problem is a usage error naming the file.</summary>
    public static SiteProfile LoadProfile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read profile {path}: {ex.Message}");
        }
        try
        {
            return SiteProfileJson.Parse(json);
        }
        catch (SiteProfileException ex)
        {
            throw new UsageException($"profile {path}: {ex.Message}");
        }
    }
}
