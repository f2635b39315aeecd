using NewsArchive.Cli;

namespace NewsArchive.Tests.Cli;

/// <summary>Runs the same entry point a user runs, with output captured and the environment variables given (none by default).</summary>
public sealed class CliRunner(string dbPath, TimeProvider time, IReadOnlyDictionary<string, string>? environment = null)
{
    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, time, name => environment?.GetValueOrDefault(name), IsTerminal: false, CancellationToken.None);
        var exitCode = await CliApp.RunAsync(["--db", dbPath, .. args], context);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
