namespace NewsArchive.Storage;

/// <summary>
/// Another article of the same duplicate group: exact (<see cref="DuplicateMatch.CanonicalUrl"/>, <see cref="DuplicateMatch.SameText"/>)
/// or near. <see cref="Distance"/> is the number of differing SimHash bits, null when either body is too short to hash.
/// </summary>
public sealed record Duplicate(StoredArticle Article, DuplicateMatch Match, int? Distance)
{
    public bool IsExact => Match != DuplicateMatch.NearText;
}
