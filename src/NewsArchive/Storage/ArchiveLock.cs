namespace NewsArchive.Storage;

/// <summary>
/// Only one fetch per archive: an exclusive lock on "ARCHIVE.lock". The OS releases it when the
/// process dies, so a crashed run never leaves it stuck.
/// </summary>
public sealed class ArchiveLock : IDisposable
{
    private readonly FileStream _stream;

    private ArchiveLock(FileStream stream) => _stream = stream;

    public static ArchiveLock Acquire(string archivePath)
    {
        var lockPath = Path.GetFullPath(archivePath) + ".lock";
        try
        {
            var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            stream.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            stream.Write(pid);
            stream.Flush();
            return new ArchiveLock(stream);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new ArchiveException($"directory {Path.GetDirectoryName(lockPath)} does not exist", ex, isUserError: true);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ArchiveException($"cannot write {lockPath}: permission denied", ex);
        }
        catch (IOException ex)
        {
            throw new ArchiveException($"another fetch is running on {Path.GetFullPath(archivePath)} (lock {lockPath} is held)", ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}
