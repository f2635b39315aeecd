using Microsoft.Data.Sqlite;

namespace NewsArchive.Storage;

/// <summary>Recompressing stored source bytes at the best setting, after the fast first write.</summary>
public sealed partial class ArchiveStore
{
    private const int CompactBatch = 16;

    /// <summary>
    /// Recompresses every source not yet compact (<see cref="SourceCompression.CompressCompact"/>), a batch at a time:
    /// a batch is compressed in parallel outside the lock and written in one transaction, so a stop or a crash loses
    /// at most the batch in hand and the next call goes on where this one ended. Safe beside a running fetch.
    /// </summary>
    public SourceCompaction CompactSources(CancellationToken cancellationToken = default, IProgress<int>? progress = null)
    {
        long after = 0;
        var done = 0;
        long before = 0, now = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = new List<(long Id, byte[] Blob)>(CompactBatch);
            lock (_gate)
            {
                using var select = Command("""
                    SELECT rowid, compressed FROM sources WHERE rowid > $after AND substr(compressed, 1, 1) <> $compact ORDER BY rowid LIMIT $batch
                    """);
                select.Parameters.AddWithValue("$after", after);
                select.Parameters.AddWithValue("$compact", new[] { SourceCompression.CompactTag });
                select.Parameters.AddWithValue("$batch", CompactBatch);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    batch.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1)));
                }
            }
            if (batch.Count == 0)
            {
                break;
            }
            after = batch[^1].Id;
            var compact = new byte[batch.Count][];
            Parallel.For(0, batch.Count, i => compact[i] = SourceCompression.CompressCompact(SourceCompression.Decompress(batch[i].Blob)));
            lock (_gate)
            {
                using var transaction = _connection.BeginTransaction();
                using var update = Command("UPDATE sources SET compressed = $data WHERE rowid = $id", transaction);
                var data = update.Parameters.Add("$data", SqliteType.Blob);
                var id = update.Parameters.Add("$id", SqliteType.Integer);
                for (var i = 0; i < batch.Count; i++)
                {
                    data.Value = compact[i];
                    id.Value = batch[i].Id;
                    update.ExecuteNonQuery();
                }
                transaction.Commit();
            }
            done += batch.Count;
            before += batch.Sum(b => (long)b.Blob.Length);
            now += compact.Sum(c => (long)c.Length);
            progress?.Report(done);
        }
        return new SourceCompaction(done, before, now, cancellationToken.IsCancellationRequested);
    }
}
