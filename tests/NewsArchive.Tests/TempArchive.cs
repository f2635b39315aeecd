namespace NewsArchive.Tests;

/// <summary>A fresh archive path in its own temporary directory, deleted afterwards.</summary>
public sealed class TempArchive : IDisposable
{
    public TempArchive()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newsarchive-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "archive.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
