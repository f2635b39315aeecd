using System.Globalization;

namespace NewsArchive.Benchmarks;

/// <summary>The <c>--name value</c> options that <c>serve-synthetic</c> and <c>soak-report</c> share.</summary>
public static class SoakArguments
{
    public static double Number(string[] args, string name, double fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public static SyntheticFaultPlan Plan(string[] args) =>
        new(Number(args, "--fault-rate", 0), (int)Number(args, "--seed", 1));
}
