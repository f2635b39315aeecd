using System.Globalization;
using NewsArchive.Crawling;

namespace NewsArchive.Cli;

/// <summary>
/// Where a fetch run's log lines go: warnings (failed pages, unreachable hosts, broken feeds) to stderr, or above the
/// progress display on a terminal; every line, timestamped, to the <c>--log-file</c> when one is given.
/// </summary>
internal sealed class FetchLog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TextWriter _error;
    private readonly TimeProvider _time;
    private readonly StreamWriter? _file;

    public FetchLog(TextWriter error, TimeProvider time, string? logFile)
    {
        _error = error;
        _time = time;
        if (logFile is not null)
        {
            try
            {
                var stream = new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.Read);
                _file = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { AutoFlush = true };
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--log-file: cannot write {logFile}: {ex.Message}");
            }
        }
    }

    /// <summary>Set while a progress display owns the terminal, so warnings are printed above it.</summary>
    public FetchProgress? Progress { get; set; }

    public void Write(CrawlLogLevel level, string message)
    {
        lock (_gate)
        {
            var stamp = _time.GetLocalNow().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            _file?.WriteLine($"{stamp} {(level == CrawlLogLevel.Warning ? "WARN" : "info")} {message}");
            if (level != CrawlLogLevel.Warning)
            {
                return;
            }
            if (Progress is { } progress)
            {
                progress.Message(message);
            }
            else
            {
                _error.WriteLine(message);
            }
        }
    }

    /// <summary>A line for the file only, such as the run's summary.</summary>
    public void FileOnly(string message)
    {
        lock (_gate)
        {
            var stamp = _time.GetLocalNow().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            _file?.WriteLine($"{stamp} info {message}");
        }
    }

    public void Dispose() => _file?.Dispose();
}
