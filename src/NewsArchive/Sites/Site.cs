namespace NewsArchive.Sites;

/// <summary>A configured site: where discovery starts and which feeds it reads.</summary>
public sealed record Site(long Id, string Name, Uri StartUrl, IReadOnlyList<Uri> Feeds, DateTimeOffset AddedAt)
{
    public string Host => StartUrl.Host;
}
