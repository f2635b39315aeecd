using System.Globalization;
using NewsArchive.Crawling;

namespace NewsArchive.Cli;

/// <summary>
/// The live display on a terminal: one line per site (phase, discovered, fetched, stored, failed, pages a minute),
/// redrawn in place twice a second on stderr. Only used when stderr is a terminal.
/// </summary>
internal sealed class FetchProgress : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly Lock _gate = new();
    private readonly TextWriter _error;
    private readonly TimeProvider _time;
    private readonly Func<IReadOnlyList<SiteCrawlReport>> _reports;
    private readonly ITimer _timer;
    private int _drawn;
    private bool _stopped;

    public FetchProgress(TextWriter error, TimeProvider time, Func<IReadOnlyList<SiteCrawlReport>> reports)
    {
        _error = error;
        _time = time;
        _reports = reports;
        _timer = time.CreateTimer(_ => Draw(), null, TimeSpan.Zero, Interval);
    }

    /// <summary>Prints a line above the display.</summary>
    public void Message(string line)
    {
        lock (_gate)
        {
            Clear();
            _error.WriteLine(line);
            DrawUnlocked();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            Clear();
            _stopped = true;
            _error.Flush();
        }
    }

    private void Draw()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }
            Clear();
            DrawUnlocked();
        }
    }

    private void DrawUnlocked()
    {
        if (_stopped)
        {
            return;
        }
        var now = _time.GetUtcNow();
        var reports = _reports();
        var width = reports.Count == 0 ? 0 : reports.Max(r => r.Site.Length);
        foreach (var r in reports)
        {
            var minutes = ((r.EndedAt ?? now) - r.StartedAt).TotalMinutes;
            var rate = minutes > 0.05 ? (r.Fetched / minutes).ToString("0", CultureInfo.InvariantCulture) : "-";
            _error.Write(string.Create(CultureInfo.InvariantCulture,
                $"\u001b[2K{r.Site.PadRight(width)}  {r.Phase,-11} found {r.Discovered,4}  fetched {r.Fetched,4}  stored {r.Stored,4}  failed {r.FailedCount + (r.FatalError is null ? 0 : 1),3}  {rate,4}/min\n"));
        }
        _drawn = reports.Count;
        _error.Flush();
    }

    private void Clear()
    {
        if (_drawn > 0)
        {
            // Up to the first line of the display and clear everything below it.
            _error.Write($"\u001b[{_drawn}F\u001b[J");
            _drawn = 0;
        }
    }
}
