namespace NewsArchive.Storage;

/// <summary>What <see cref="ArchiveStore.CompactSources"/> did: sources recompressed and their stored size before and after.</summary>
public sealed record SourceCompaction(int Sources, long BytesBefore, long BytesAfter, bool Stopped);
