namespace NewsArchive.Parsing;

/// <summary>A page's publication and modification dates and where each was found.</summary>
public sealed record ExtractedDates(
    DateTimeOffset? Published,
    DateSource PublishedSource,
    DateTimeOffset? Modified,
    DateSource ModifiedSource)
{
    public static ExtractedDates None { get; } = new(null, DateSource.None, null, DateSource.None);
}
