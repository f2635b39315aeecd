using System.Text;
using NewsArchive.Cli;

Console.OutputEncoding = new UTF8Encoding(false);
using var stop = new CancellationTokenSource();
var interrupts = 0;
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C: finish the page in flight and stop; a second one kills the process.
    if (Interlocked.Increment(ref interrupts) == 1)
    {
        e.Cancel = true;
        Console.Error.WriteLine("newsarchive: stopping after the page in flight (Ctrl+C again to abort)");
        stop.Cancel();
    }
};
// cron and systemd stop with SIGTERM: the same clean stop as Ctrl+C.
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
return await CliApp.RunAsync(args, CliContext.FromConsole(stop.Token));
