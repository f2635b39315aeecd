using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace NewsArchive.Benchmarks;

/// <summary>
/// After a soak run: compares the archive with the site's fault plan, article by article. A page without a lasting
/// fault must be stored once, whole (its title and last paragraph); a page with one must not be stored and must have
/// its failure recorded with a reason. Prints the table of faults injected, survived and data lost.
/// </summary>
public static partial class SoakReport
{
    public static int Run(string dbPath, int count, SyntheticFaultPlan plan)
    {
        var stored = new Dictionary<int, List<(string? Title, string Body)>>();
        var settled = new Dictionary<int, (string State, string? Reason)>();
        var failures = new Dictionary<int, string>();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Mode = SqliteOpenMode.ReadOnly }.ToString()))
        {
            connection.Open();
            foreach (var (url, title, body) in Read(connection, "SELECT url, title, body FROM articles"))
            {
                if (IdOf(url) is { } id)
                {
                    (stored.TryGetValue(id, out var list) ? list : stored[id] = []).Add((title, body!));
                }
            }
            foreach (var (url, state, reason) in Read(connection, "SELECT fetch_url, state, last_error FROM frontier"))
            {
                if (IdOf(url) is { } id)
                {
                    settled[id] = (state!, reason);
                }
            }
            foreach (var (url, reason, _) in Read(connection, "SELECT url, reason, NULL FROM run_failures ORDER BY rowid"))
            {
                if (IdOf(url) is { } id)
                {
                    failures[id] = reason!;
                }
            }
        }

        var rows = new[] { SyntheticFault.None }.Concat(SyntheticFaultPlan.Kinds)
            .ToDictionary(f => f, _ => (Injected: 0, Survived: 0, Lost: 0, Example: (string?)null));
        var problems = new List<string>();
        for (var id = 0; id < count; id++)
        {
            var fault = plan.FaultOf(id);
            var row = rows[fault];
            row.Injected++;
            var copies = stored.GetValueOrDefault(id) ?? [];
            string? problem;
            if (!SyntheticFaultPlan.IsPermanent(fault))
            {
                problem = copies.Count switch
                {
                    0 => $"not stored ({(settled.TryGetValue(id, out var s) ? $"{s.State}: {s.Reason}" : "never queued")})",
                    > 1 => $"stored {copies.Count} times",
                    _ => IsWhole(id, copies[0]) ? null : "stored incomplete",
                };
                row.Example ??= fault == SyntheticFault.None ? "stored" : "stored after a retry";
            }
            else
            {
                var reason = failures.GetValueOrDefault(id) ?? (settled.TryGetValue(id, out var s) && s.State is "failed" or "skipped" ? s.Reason : null);
                problem = copies.Count > 0 ? "a faulty page was stored as an article"
                    : reason is null ? "failure not recorded"
                    : null;
                row.Example ??= reason;
            }
            if (problem is null)
            {
                row.Survived++;
            }
            else
            {
                row.Lost++;
                problems.Add($"a{id} ({fault}): {problem}");
            }
            rows[fault] = row;
        }

        Console.WriteLine("| fault | pages | survived | data lost | outcome |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var (fault, row) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {fault} | {row.Injected} | {row.Survived} | {row.Lost} | {row.Example?.Replace('|', '/')} |"));
        }
        var injected = rows.Where(r => r.Key != SyntheticFault.None).Sum(r => r.Value.Injected);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"articles {count}, faulty {injected} ({100.0 * injected / count:0.0}%), stored {stored.Count}, data lost {problems.Count}"));
        foreach (var problem in problems.Take(20))
        {
            Console.WriteLine("  " + problem);
        }
        return problems.Count == 0 ? 0 : 1;
    }

    private static bool IsWhole(int id, (string? Title, string Body) article) =>
        article.Title == SyntheticNewsSite.TitleOf(id) && article.Body.Contains("(абзац 6)", StringComparison.Ordinal);

    private static int? IdOf(string? url) =>
        url is not null && ArticleId().Match(url) is { Success: true } match ? int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;

    private static List<(string?, string?, string?)> Read(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(string?, string?, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        return rows;
    }

    [GeneratedRegex(@"/news/a(\d+)/")]
    private static partial Regex ArticleId();
}
