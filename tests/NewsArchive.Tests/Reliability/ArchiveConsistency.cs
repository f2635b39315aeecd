using Microsoft.Data.Sqlite;
using NewsArchive.Crawling;
using NewsArchive.Fetching;
using NewsArchive.Parsing;
using NewsArchive.Storage;

namespace NewsArchive.Tests.Reliability;

/// <summary>
/// What "nothing half-written" means, as SQL over the schema of <see cref="ArchiveSchema"/>: the file passes
/// integrity_check, and every article row has its body, its source bytes and fetch record, its counters reading, its
/// full-text row, its settled frontier entry and exactly the link rows the parser makes of those source bytes. Reads
/// the file read-only; returns one line per problem, none when the archive is consistent.
/// </summary>
public sealed class ArchiveConsistency
{
    // Links are derived from the source bytes, which are immutable per hash: each is parsed once per test.
    private readonly Dictionary<string, HashSet<string>> _linksBySource = new(StringComparer.Ordinal);
    private readonly ArticleParser _parser = new();

    private static readonly (string What, string Sql)[] RowChecks =
    [
        ("article without body", "SELECT url FROM articles WHERE body IS NULL OR length(body) = 0"),
        ("article without source bytes", """
            SELECT a.url FROM articles a
            WHERE a.source_hash IS NULL OR NOT EXISTS (SELECT 1 FROM sources s WHERE s.hash = a.source_hash)
            """),
        ("article without its fetch record", """
            SELECT a.url FROM articles a WHERE NOT EXISTS (SELECT 1 FROM fetches f WHERE f.source_hash = a.source_hash)
            """),
        ("article without full-text row", """
            SELECT a.url FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles_fts_docsize d WHERE d.id = a.id)
            """),
        ("full-text row without article", """
            SELECT d.id FROM articles_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.id)
            """),
        ("article with counters but no counters reading", """
            SELECT a.url FROM articles a
            WHERE (a.views IS NOT NULL OR a.comments IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM counters c WHERE c.article_id = a.id)
            """),
        ("stored article still queued", """
            SELECT f.url_key FROM frontier f JOIN articles a ON a.url_key = f.url_key WHERE f.state <> 'done'
            """),
        ("duplicate url_key", "SELECT url_key FROM articles GROUP BY url_key HAVING count(*) > 1"),
        ("duplicate url", "SELECT url FROM articles GROUP BY url HAVING count(*) > 1"),
        ("foreign key violation", "SELECT \"table\" || ' row ' || rowid FROM pragma_foreign_key_check"),
    ];

    public IReadOnlyList<string> Check(string dbPath)
    {
        if (!File.Exists(dbPath))
        {
            return [];
        }
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var problems = new List<string>();
        var integrity = Column(connection, "PRAGMA integrity_check");
        if (integrity is not ["ok"])
        {
            problems.Add("integrity_check: " + string.Join(" | ", integrity));
        }
        // Killed before the schema's last migration committed: there are no articles to check yet.
        if (Column(connection, "PRAGMA user_version") is not [var version] || int.Parse(version!, System.Globalization.CultureInfo.InvariantCulture) < ArchiveSchema.CurrentVersion)
        {
            return problems;
        }
        foreach (var (what, sql) in RowChecks)
        {
            problems.AddRange(Column(connection, sql).Select(row => $"{what}: {row}"));
        }
        CheckLinks(connection, problems);
        return problems;
    }

    private void CheckLinks(SqliteConnection connection, List<string> problems)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.url_key, a.url, a.source_hash, s.content_type, s.compressed,
                   (SELECT coalesce(f.final_url, f.url) FROM fetches f WHERE f.source_hash = a.source_hash ORDER BY f.id DESC LIMIT 1),
                   (SELECT group_concat(l.kind || ' ' || l.to_key, char(10)) FROM links l WHERE l.from_key = a.url_key)
            FROM articles a JOIN sources s ON s.hash = a.source_hash
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = reader.GetString(0);
            var hash = reader.GetString(2);
            if (!_linksBySource.TryGetValue(hash, out var expected))
            {
                var html = CharsetDecoder.Decode(SourceCompression.Decompress((byte[])reader.GetValue(4)), reader.IsDBNull(3) ? null : reader.GetString(3));
                var fetchedFrom = new Uri(reader.IsDBNull(5) ? reader.GetString(1) : reader.GetString(5));
                var page = _parser.Parse(html, fetchedFrom, new ParseContext(TestSite.TestSiteCatalog.ReferenceNow, SiteTimeZones.Default));
                expected = page.Links
                    .Select(l => (Key: UrlNormalizer.NormalizeString(l.Url), Kind: l.Kind.ToString().ToLowerInvariant()))
                    .Where(l => l.Key != key)
                    .Select(l => $"{l.Kind} {l.Key}")
                    .ToHashSet(StringComparer.Ordinal);
                _linksBySource[hash] = expected;
            }
            var stored = reader.IsDBNull(6) ? [] : reader.GetString(6).Split('\n');
            if (!expected.SetEquals(stored) || stored.Length != expected.Count)
            {
                problems.Add($"links of {reader.GetString(1)}: {stored.Length} rows, the parser makes {expected.Count} of its source");
            }
        }
    }

    private static List<string?> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string?>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }
        return values;
    }
}
