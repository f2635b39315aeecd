using System.Diagnostics;
using Xunit.Sdk;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// Makes a file or directory read-only until disposed. Write bits are cleared; as root, who writes regardless, the
/// path is also made immutable (<c>chattr +i</c>), so that SQLite meets the same refusal an ordinary user would.
/// </summary>
public sealed class ReadOnlyPath : IDisposable
{
    private const UnixFileMode WriteBits = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
    private readonly string _path;
    private readonly UnixFileMode _mode;
    private readonly bool _immutable;

    public ReadOnlyPath(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("read-only paths are made with Unix file modes");
        }
        _path = path;
        _mode = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, _mode & ~WriteBits);
        if (Environment.IsPrivilegedProcess)
        {
            Chattr("+i");
            _immutable = true;
        }
    }

    public void Dispose()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        if (_immutable)
        {
            Chattr("-i");
        }
        File.SetUnixFileMode(_path, _mode);
    }

    private void Chattr(string flag)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, _path]) { UseShellExecute = false, RedirectStandardError = true })
            ?? throw new XunitException("could not start chattr");
        var error = chattr.StandardError.ReadToEnd();
        chattr.WaitForExit();
        if (chattr.ExitCode != 0)
        {
            throw new XunitException($"chattr {flag} {_path} failed (needed to make a path read-only as root): {error.Trim()}");
        }
    }
}
