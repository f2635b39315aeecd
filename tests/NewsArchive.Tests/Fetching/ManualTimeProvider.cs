namespace NewsArchive.Tests.Fetching;

/// <summary>
/// A clock that moves only when a test calls <see cref="Advance"/>, so delays and timeouts can be
/// observed ("a 10 s wait is pending") and released without measuring real time.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _armed = [];
    private readonly DateTimeOffset _start = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(3));
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _start.ToUniversalTime().AddTicks(_ticks);
        }
    }

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _ticks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>How many armed timers would fire exactly <paramref name="dueIn"/> from now.</summary>
    public int CountTimersDueIn(TimeSpan dueIn)
    {
        lock (_lock)
        {
            return _armed.Count(t => t.DueAt - _ticks == dueIn.Ticks);
        }
    }

    /// <summary>Moves the clock on, firing due timers in order, each outside the lock.</summary>
    public void Advance(TimeSpan by)
    {
        long target;
        lock (_lock)
        {
            target = _ticks + by.Ticks;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_lock)
            {
                next = _armed.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (next is null)
                {
                    _ticks = target;
                    return;
                }

                _ticks = Math.Max(_ticks, next.DueAt);
                if (next.Period > 0)
                {
                    next.DueAt += next.Period;
                }
                else
                {
                    _armed.Remove(next);
                }
            }

            next.Fire();
        }
    }

    internal void Arm(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _armed.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = _ticks + dueTime.Ticks;
            timer.Period = period == Timeout.InfiniteTimeSpan ? 0 : period.Ticks;
            _armed.Add(timer);
        }
    }

    internal void Disarm(ManualTimer timer)
    {
        lock (_lock)
        {
            _armed.Remove(timer);
        }
    }
}
