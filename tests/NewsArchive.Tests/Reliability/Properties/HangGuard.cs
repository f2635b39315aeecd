using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using CsCheck;
using Xunit.Sdk;

namespace NewsArchive.Tests.Reliability.Properties;

/// <summary>
/// Runs a CsCheck property and watches every call it makes: a call still running after <see cref="Bound"/>
/// fails the test and names its input, instead of hanging the suite. The bound is a safety net far above
/// any real call; nothing asserts on speed.
/// </summary>
internal static class HangGuard
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>Samples <paramref name="gen"/> <see cref="PropertyRuns.Iterations"/> times; each input goes to <paramref name="check"/>.</summary>
    public static void Sample<T>(Gen<T> gen, Action<T> check, long defaultIterations)
    {
        var inFlight = new ConcurrentDictionary<int, (T Input, long Started)>();
        var smallest = new CounterexampleFile();
        var iterations = PropertyRuns.Iterations(defaultIterations);
        var run = Task.Factory.StartNew(
            () => gen.Sample(
                input =>
                {
                    var thread = Environment.CurrentManagedThreadId;
                    inFlight[thread] = (input, Stopwatch.GetTimestamp());
                    try
                    {
                        check(input);
                    }
                    catch
                    {
                        smallest.Offer(input?.ToString() ?? "");
                        throw;
                    }
                    finally
                    {
                        inFlight.TryRemove(thread, out _);
                    }
                },
                iter: iterations,
                print: input => Describe(input)),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        while (!run.Wait(Poll))
        {
            foreach (var (input, started) in inFlight.Values)
            {
                if (Stopwatch.GetElapsedTime(started) > Bound)
                {
                    smallest.Offer(input?.ToString() ?? "");
                    throw new XunitException($"A call did not return within the {Bound.TotalSeconds:0} s hang guard; input: {Describe(input)}");
                }
            }
        }

        run.GetAwaiter().GetResult();
    }

    /// <summary>An input as C# can read it back: control characters and lone surrogates escaped, long inputs cut.</summary>
    public static string Describe<T>(T input)
    {
        const int maxChars = 6000;
        var text = input?.ToString() ?? "null";
        var b = new StringBuilder("\"");
        foreach (var c in text.Length > maxChars ? text[..maxChars] : text)
        {
            b.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || char.IsSurrogate(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        b.Append('"');
        if (text.Length > maxChars)
        {
            b.Append(System.Globalization.CultureInfo.InvariantCulture, $" (first {maxChars} of {text.Length} chars)");
        }

        return b.ToString();
    }
}
