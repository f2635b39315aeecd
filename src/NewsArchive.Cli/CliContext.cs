namespace NewsArchive.Cli;

/// <summary>Everything a command touches outside the library: streams, clock, environment, stop signal.</summary>
public sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    TimeProvider Time,
    Func<string, string?> GetEnvironment,
    bool IsTerminal,
    CancellationToken Stop)
{
    public static CliContext FromConsole(CancellationToken stop) => new(
        Console.Out, Console.Error, TimeProvider.System, Environment.GetEnvironmentVariable,
        !Console.IsOutputRedirected, stop);
}
