using System.Diagnostics;
using Xunit.Sdk;

namespace NewsArchive.Tests.Fetching;

/// <summary>Waits for a condition that another thread will make true; fails instead of hanging.</summary>
internal static class Eventually
{
    // Only a safety net so a broken test fails; nothing asserts on how long the wait took.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(15);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > GiveUpAfter)
            {
                throw new XunitException($"Gave up waiting for: {what}");
            }

            await Task.Delay(5);
        }
    }
}
