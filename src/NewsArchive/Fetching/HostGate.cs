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
    private TimeSpan _extraSpacing;

    /// <summary>Waits for the host to be free and for <paramref name="spacing"/> to pass since its last request.</summary>
    /// <param name="spacing">Evaluated once the turn is ours, so a Crawl-delay learnt meanwhile counts.</param>
    public async Task EnterAsync(Func<TimeSpan> spacing, CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            if (_used)
            {
                var least = spacing();
                least = _extraSpacing > least ? _extraSpacing : least;
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
    /// Called while the turn is held, after a 429 or 503: the next request waits at least <paramref name="retryAfter"/>,
    /// and later ones are spaced at least that far apart, doubling with each further refusal (up to <paramref name="cap"/>), for this gate's lifetime.
    /// </summary>
    public void SlowDown(TimeSpan retryAfter, TimeSpan cap)
    {
        _pause = retryAfter < cap ? retryAfter : cap;
        var wider = _extraSpacing * 2 > retryAfter ? _extraSpacing * 2 : retryAfter;
        _extraSpacing = wider < cap ? wider : cap;
    }

    /// <summary>Ends the current request; call exactly once after a successful <see cref="EnterAsync"/>.</summary>
    public void Exit()
    {
        _lastExit = _time.GetTimestamp();
        _used = true;
        _turn.Release();
    }
}
