namespace NewsArchive.Benchmarks;

/// <summary>
/// Which article pages of <see cref="SyntheticNewsSite"/> misbehave, and how: a share <see cref="Rate"/> of the ids, drawn
/// from <see cref="Seed"/> alone, so that the server and the soak report agree on the plan without talking.
/// </summary>
public sealed class SyntheticFaultPlan(double rate, int seed)
{
    private static readonly SyntheticFault[] Mix =
    [
        SyntheticFault.ServerError, SyntheticFault.UnavailableRetryAfter, SyntheticFault.ResetOnce, SyntheticFault.Truncated,
        SyntheticFault.HangOnce, SyntheticFault.Garbage, SyntheticFault.NotFound,
    ];

    public static SyntheticFaultPlan None { get; } = new(0, 0);

    public double Rate => rate;

    public int Seed => seed;

    public static IReadOnlyList<SyntheticFault> Kinds => Mix;

    public SyntheticFault FaultOf(int id)
    {
        var hash = Mix64((ulong)(uint)seed << 32 | (uint)id);
        if ((hash >> 11) * (1.0 / (1UL << 53)) >= rate)
        {
            return SyntheticFault.None;
        }
        return Mix[(int)(Mix64(hash) % (ulong)Mix.Length)];
    }

    /// <summary>The page never comes whole: no run can store it, and the archive must say why instead.</summary>
    public static bool IsPermanent(SyntheticFault fault) =>
        fault is SyntheticFault.ServerError or SyntheticFault.Truncated or SyntheticFault.Garbage or SyntheticFault.NotFound;

    // SplitMix64's finaliser: a well-spread hash of the id, stable across processes and runtimes.
    private static ulong Mix64(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }
}
