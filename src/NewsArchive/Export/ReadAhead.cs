using System.Collections.Concurrent;

namespace NewsArchive.Export;

/// <summary>
/// Enumerates a source on another thread, a bounded number of items ahead of the consumer: reading the archive and
/// writing the export then run side by side on two cores, and memory stays bounded whatever the row count. Items
/// cross in chunks, so the threads meet once per chunk rather than once per row. An exception of the source reaches
/// the consumer as thrown; a consumer that stops early stops the reader.
/// </summary>
public static class ReadAhead
{
    private const int ChunkSize = 64;

    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int capacity = 256)
    {
        using var buffer = new BlockingCollection<List<T>>(Math.Max(1, capacity / ChunkSize));
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            var chunk = new List<T>(ChunkSize);
            try
            {
                foreach (var item in source)
                {
                    chunk.Add(item);
                    if (chunk.Count == ChunkSize)
                    {
                        buffer.Add(chunk, stop.Token);
                        chunk = new List<T>(ChunkSize);
                    }
                }
            }
            finally
            {
                try
                {
                    // The items read before the end, or before the source failed, still reach the consumer.
                    if (chunk.Count > 0 && !stop.IsCancellationRequested)
                    {
                        buffer.Add(chunk, stop.Token);
                    }
                }
                finally
                {
                    buffer.CompleteAdding();
                }
            }
        });
        try
        {
            foreach (var chunk in buffer.GetConsumingEnumerable())
            {
                foreach (var item in chunk)
                {
                    yield return item;
                }
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
