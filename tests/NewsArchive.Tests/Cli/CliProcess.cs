using System.Diagnostics;
using System.Globalization;

namespace NewsArchive.Tests.Cli;

/// <summary>
/// The real command as a child process, <c>dotnet NewsArchive.Cli.dll --db PATH ARGS</c>, for what only a separate
/// process can show: SIGKILL and SIGINT half-way through a run, and two processes on one archive.
/// </summary>
public static class CliProcess
{
    public static Process Start(string dbPath, params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "NewsArchive.Cli.dll"), "--db", dbPath, .. args])
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the CLI");
    }

    /// <summary>SIGKILL: the process gets no chance to finish anything, as in a power cut or the OOM killer.</summary>
    public static async Task KillAsync(Process child)
    {
        try
        {
            child.Kill();
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
        await child.WaitForExitAsync();
    }

    /// <summary>SIGINT, what Ctrl+C sends.</summary>
    public static async Task InterruptAsync(Process child)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", child.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
    }
}
