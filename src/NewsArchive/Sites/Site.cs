namespace NewsArchive.Sites;

/// <summary>A configured site: where discovery starts, which feeds it reads and its optional profile of selectors.</summary>
public sealed record Site(long Id, string Name, Uri StartUrl, IReadOnlyList<Uri> Feeds, DateTimeOffset AddedAt, SiteProfile? Profile = null)
{
    public string Host => StartUrl.Host;
}
