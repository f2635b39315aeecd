namespace NewsArchive.Storage;

/// <summary>
/// An expected failure of the archive: not an archive, newer schema, locked, disk full, a bad query.
/// <see cref="IsUserError"/> marks what the user can fix by changing the command (exit code 2).
/// </summary>
public sealed class ArchiveException(string message, Exception? inner = null, bool isUserError = false) : Exception(message, inner)
{
    public bool IsUserError { get; } = isUserError;
}
