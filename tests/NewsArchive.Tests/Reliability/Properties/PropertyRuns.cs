namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>
/// How many generated cases each property tries. The defaults keep all properties together to a few
/// seconds of the default run; <c>CSCHECK_ITER=N</c> runs every property N times instead, for a longer
/// hunt: <c>CSCHECK_ITER=50000 dotnet test NewsArchive.sln -c Release --filter FullyQualifiedName~Reliability</c>.
/// A failure prints CsCheck's seed; <c>CsCheck_Seed=...</c> replays it.
/// </summary>
internal static class PropertyRuns
{
    public const string IterationsVariable = "CSCHECK_ITER";

    public static long Iterations(long defaultCount) =>
        long.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), out var count) && count > 0 ? count : defaultCount;
}
