using System.Collections.Concurrent;

namespace NewsArchive.Export;

/// <summary>
/// Enumerates a source on another thread, at most <c>capacity</c> items ahead of the consumer: reading the archive
/// and writing the export then run side by side on two cores, and memory stays bounded whatever the row count.
/// An exception of the source reaches the consumer as thrown; a consumer that stops early stops the reader.
/// </summary>
public static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int capacity = 256)
    {
        using var buffer = new BlockingCollection<T>(capacity);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            try
            {
                foreach (var item in source)
                {
                    buffer.Add(item, stop.Token);
                }
            }
            finally
            {
                buffer.CompleteAdding();
            }
        });
        try
        {
            foreach (var item in buffer.GetConsumingEnumerable())
            {
                yield return item;
            }
            reader.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            try
            {
                reader.Wait();
            }
            catch (AggregateException)
            {
                // Already rethrown above, or the reader was stopped because the consumer stopped.
            }
        }
    }
}
