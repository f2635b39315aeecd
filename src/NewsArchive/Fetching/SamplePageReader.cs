namespace NewsArchive.Fetching;

/// <summary>
/// Reads pages named by URL (fetched as a crawl would, redirects, charsets and size limits included) or by file
/// (bytes decoded exactly as a fetched page's), for commands that look at a few sample pages.
/// </summary>
public sealed class SamplePageReader(PageFetcher? fetcher)
{
    public static bool IsUrl(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public async Task<SamplePage> ReadAsync(string source, CancellationToken ct)
    {
        if (IsUrl(source))
        {
            if (!Uri.TryCreate(source, UriKind.Absolute, out var url) || fetcher is null)
            {
                return new SamplePage(source, null, null, "not a valid URL");
            }
            var result = await fetcher.FetchAsync(url, ct);
            return result.Outcome == FetchOutcome.Ok
                ? new SamplePage(source, result.DecodeText(), result.FinalUrl, null)
                : new SamplePage(source, null, url, result.Error ?? $"HTTP {result.StatusCode}");
        }
        try
        {
            var bytes = await File.ReadAllBytesAsync(source, ct);
            return new SamplePage(source, CharsetDecoder.Decode(bytes, null), null, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new SamplePage(source, null, null, ex.Message);
        }
    }
}
