namespace NewsArchive.Storage;

/// <summary>
/// A fetch's source bytes ready to store: hashed and compressed before the store's lock is taken, so that
/// concurrent fetches compress in parallel and the write transaction holds only database work.
/// </summary>
internal sealed record SourceBytes(string Hash, int RawSize, byte[] Compressed, string? ContentType)
{
    public static SourceBytes? Of(FetchRecord fetch) => fetch.Body is { Length: > 0 } bytes
        ? new SourceBytes(SourceCompression.Hash(bytes), bytes.Length, SourceCompression.Compress(bytes), fetch.ContentType)
        : null;
}
