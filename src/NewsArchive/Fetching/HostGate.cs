namespace NewsArchive.Fetching;

/// <summary>Lets one request at a time go to a host, each starting a set pause after the previous one ended.</summary>
internal sealed class HostGate(TimeProvider time)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly TimeProvider _time = time;

    // Only read or written while _turn is held.
    private long _lastExit;
    private bool _used;
    private TimeSpan _pause;
    private int _slowdown = 1;
    private TimeSpan _cap = TimeSpan.MaxValue;

    /// <summary>Waits for the host to be free and for <paramref name="spacing"/> to pass since its last request.</summary>
    /// <param name="spacing">Evaluated once the turn is ours, so a Crawl-delay learnt meanwhile counts.</param>
    public async Task EnterAsync(Func<TimeSpan> spacing, CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            if (_used)
            {
                var least = spacing() * _slowdown;
                least = least < _cap ? least : _cap;
                least = _pause > least ? _pause : least;
                _pause = TimeSpan.Zero;
                var wait = least - _time.GetElapsedTime(_lastExit);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, ct);
                }
            }
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }

    /// <summary>
    /// Called while the turn is held, after a 429 or 503: the next request waits at least <paramref name="pause"/>
    /// (the server's Retry-After), and the host's spacing doubles for this gate's lifetime with each such answer,
    /// up to <paramref name="cap"/>.
    /// </summary>
    public void SlowDown(TimeSpan pause, TimeSpan cap)
    {
        _pause = pause < cap ? pause : cap;
        _slowdown = Math.Min(_slowdown * 2, 64);
        _cap = cap;
    }

    /// <summary>Ends the current request; call exactly once after a successful <see cref="EnterAsync"/>.</summary>
    public void Exit()
    {
        _lastExit = _time.GetTimestamp();
        _used = true;
        _turn.Release();
    }
}
