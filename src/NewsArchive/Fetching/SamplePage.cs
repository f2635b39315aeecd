namespace NewsArchive.Fetching;

/// <summary>One page named on the command line: its decoded HTML and URL, or why it could not be had.</summary>
public sealed record SamplePage(string Source, string? Html, Uri? Url, string? Error);
