using Microsoft.Data.Sqlite;
using NewsArchive.Parsing;

namespace NewsArchive.Storage;

/// <summary>What changed over time: earlier versions of edited articles and every reading of their counters.</summary>
public sealed partial class ArchiveStore
{
    /// <summary>Every version of the article, oldest first; the last is the current text.</summary>
    public IReadOnlyList<ArticleVersion> GetVersions(long articleId)
    {
        lock (_gate)
        {
            var versions = new List<ArticleVersion>();
            using (var command = Command("""
                SELECT seen_from, seen_until, title, lead, body FROM article_versions WHERE article_id = $id ORDER BY id
                """))
            {
                command.Parameters.AddWithValue("$id", articleId);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    versions.Add(new ArticleVersion(versions.Count + 1,
                        StoredTime.Parse(reader.GetString(0)) ?? default, StoredTime.Parse(reader.GetString(1)),
                        reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
                }
            }
            using (var current = Command("SELECT first_stored, title, lead, body FROM articles WHERE id = $id"))
            {
                current.Parameters.AddWithValue("$id", articleId);
                using var reader = current.ExecuteReader();
                if (reader.Read())
                {
                    var since = versions.Count > 0 ? versions[^1].SeenUntil : StoredTime.Parse(reader.GetString(0));
                    versions.Add(new ArticleVersion(versions.Count + 1, since ?? default, null,
                        reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
                }
            }
            return versions;
        }
    }

    /// <summary>Every reading of views and comments, oldest first.</summary>
    public IReadOnlyList<CounterReading> GetCounterReadings(long articleId)
    {
        lock (_gate)
        {
            using var command = Command("SELECT read_at, views, comments FROM counters WHERE article_id = $id ORDER BY read_at, rowid");
            command.Parameters.AddWithValue("$id", articleId);
            using var reader = command.ExecuteReader();
            var readings = new List<CounterReading>();
            while (reader.Read())
            {
                readings.Add(new CounterReading(StoredTime.Parse(reader.GetString(0)) ?? default,
                    reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2)));
            }
            return readings;
        }
    }

    /// <summary>
    /// Before a revisit overwrites an article, keeps its old title and body when the site changed them.
    /// A revisit whose parse found no body (an error page, a changed layout) is not recorded as a version.
    /// </summary>
    private void RecordVersionIfChanged(string urlKey, ParsedPage page, string fetchedAt, SqliteTransaction transaction)
    {
        var command = Prepared("""
            INSERT INTO article_versions(article_id, title, lead, body, seen_from, seen_until)
            SELECT a.id, a.title, a.lead, a.body,
                   coalesce((SELECT v.seen_until FROM article_versions v WHERE v.article_id = a.id ORDER BY v.id DESC LIMIT 1), a.first_stored),
                   $at
            FROM articles a
            WHERE a.url_key = $key AND $body <> '' AND (a.title IS NOT $title OR a.body IS NOT $body)
            """, transaction);
        command.Parameters.AddWithValue("$key", urlKey);
        command.Parameters.AddWithValue("$title", (object?)page.Title ?? DBNull.Value);
        command.Parameters.AddWithValue("$body", page.Body);
        command.Parameters.AddWithValue("$at", fetchedAt);
        command.ExecuteNonQuery();
    }
}
