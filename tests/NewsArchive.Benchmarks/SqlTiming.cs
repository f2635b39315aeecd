using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace NewsArchive.Benchmarks;

/// <summary>
/// sql-timing PATH SQL...: runs each statement on the archive (read-only, the bundled SQLite) and prints its query
/// plan, the row count, the first rows and the time of the fastest of five runs: for finding where a query's time goes.
/// </summary>
public static class SqlTiming
{
    public static int Run(string path, IEnumerable<string> statements)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        foreach (var sql in statements)
        {
            Console.WriteLine(sql);
            using (var plan = connection.CreateCommand())
            {
                plan.CommandText = "EXPLAIN QUERY PLAN " + sql;
                using var reader = plan.ExecuteReader();
                while (reader.Read())
                {
                    Console.WriteLine($"  plan: {reader.GetString(3)}");
                }
            }
            var best = TimeSpan.MaxValue;
            var rows = 0;
            var first = new List<string>();
            for (var run = 0; run < 5; run++)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                var clock = Stopwatch.StartNew();
                using var reader = command.ExecuteReader();
                rows = 0;
                while (reader.Read())
                {
                    if (run == 0 && rows < 3)
                    {
                        first.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
                    }
                    rows++;
                }
                best = clock.Elapsed < best ? clock.Elapsed : best;
            }
            foreach (var row in first)
            {
                Console.WriteLine($"  row: {row}");
            }
            Console.WriteLine($"  {rows} rows, fastest of 5: {best.TotalMilliseconds:F1} ms");
        }
        return 0;
    }
}
