using System.CommandLine;
using System.Globalization;

namespace NewsArchive.Cli;

/// <summary>`compact`: recompresses the stored page sources at the best setting (fetch writes them fast).</summary>
public static class CompactCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("compact", "Recompress stored page sources at the best setting (slow; safe to stop and run again, or beside a fetch)");
        command.SetAction(result =>
        {
            using var store = CommonOptions.OpenStore(result, context, readOnly: false);
            var done = store.CompactSources(context.Stop);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"recompressed {done.Sources} sources: {done.BytesBefore / 1048576.0:F1} MB -> {done.BytesAfter / 1048576.0:F1} MB{(done.Stopped ? " (stopped; run again to go on)" : "")}"));
            return done.Stopped ? ExitCodes.Interrupted : ExitCodes.Ok;
        });
        return command;
    }
}
