using System.Text.Json;

namespace NewsArchive.Storage;

/// <summary>The link graph beyond one article: walks, story threads and the whole-graph export.</summary>
public sealed partial class ArchiveStore
{
    /// <summary>
    /// Walks out from an article breadth-first: the links of the start (depth 1), then those of the stored
    /// articles they reach (depth 2), and so on; each stored article is expanded once.
    /// </summary>
    /// <remarks>A <paramref name="filter"/> selects the rows reported, not the way: the walk goes on through articles it leaves out.</remarks>
    public IReadOnlyList<LinkStep> WalkLinks(long articleId, LinkDirection direction, IReadOnlyCollection<string> kinds, int depth, ArticleQuery? filter = null)
    {
        var steps = new List<LinkStep>();
        var expanded = new HashSet<long> { articleId };
        var frontier = new List<long> { articleId };
        for (var level = 1; level <= depth && frontier.Count > 0; level++)
        {
            var next = new List<long>();
            foreach (var from in frontier)
            {
                foreach (var link in GetLinksUnfiltered(from, direction, kinds))
                {
                    if (link.ArticleId == articleId)
                    {
                        continue;
                    }
                    steps.Add(new LinkStep(level, from, link));
                    if (link.ArticleId is { } to && expanded.Add(to))
                    {
                        next.Add(to);
                    }
                }
            }
            frontier = next;
        }
        return KeepMatching(steps, s => s.Link.ArticleId, filter);
    }

    /// <summary>
    /// The items whose article the filter selects (all of them without a filter or with an empty one): what every graph
    /// command does with the shared filters. Items with no stored article are left out when there is a filter.
    /// </summary>
    private List<T> KeepMatching<T>(List<T> items, Func<T, long?> articleId, ArticleQuery? filter)
    {
        var (conditions, parameters) = Filters(filter);
        if (conditions.Length == 0 || items.Count == 0)
        {
            return items;
        }
        var ids = items.Select(articleId).OfType<long>().Distinct().ToArray();
        parameters.Add(("$ids", JsonSerializer.Serialize(ids, StorageJson.Default.Int64Array)));
        var matching = Stream($"SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each($ids)){conditions}", parameters, reader => reader.GetInt64(0))
            .ToHashSet();
        return items.Where(item => articleId(item) is { } id && matching.Contains(id)).ToList();
    }

    /// <summary>
    /// The story thread: the articles joined to this one by related-news links in either direction, itself
    /// included, oldest first. At most <paramref name="max"/> articles: sites that link everything to everything
    /// would otherwise make one story of the whole archive.
    /// </summary>
    /// <remarks>A <paramref name="filter"/> selects the articles listed; the thread is still followed through the others.</remarks>
    public IReadOnlyList<StoredArticle> GetStory(long articleId, int max = 500, ArticleQuery? filter = null)
    {
        var seen = new HashSet<long> { articleId };
        var queue = new Queue<long>([articleId]);
        while (queue.Count > 0 && seen.Count < max)
        {
            foreach (var neighbour in RelatedNeighbours(queue.Dequeue()))
            {
                if (seen.Count < max && seen.Add(neighbour))
                {
                    queue.Enqueue(neighbour);
                }
            }
        }
        var members = KeepMatching(seen.ToList(), id => id, filter);
        return ReadArticles(ArticleSelectWithoutBody
                + " WHERE a.id IN (SELECT value FROM json_each($ids)) ORDER BY coalesce(a.published_utc, a.first_stored), a.id",
            [("$ids", JsonSerializer.Serialize(members.ToArray(), StorageJson.Default.Int64Array))]).ToList();
    }

    /// <summary>Every stored link of the given kinds (all when empty) from the articles the filter selects, streamed.</summary>
    public IEnumerable<GraphEdge> StreamEdges(ArticleQuery filter, IReadOnlyCollection<string> kinds)
    {
        var (sql, parameters) = EdgeQuery("""
            SELECT l.from_key, a.url, l.to_key, l.to_url, l.kind, l.anchor
            FROM links l JOIN articles a ON a.url_key = l.from_key
            """, filter, kinds);
        return Stream(sql + " ORDER BY l.from_key, l.kind, l.to_key", parameters, reader => new GraphEdge(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5)));
    }

    /// <summary>Every page at either end of the edges <see cref="StreamEdges"/> gives, each once, streamed.</summary>
    public IEnumerable<GraphNode> StreamNodes(ArticleQuery filter, IReadOnlyCollection<string> kinds)
    {
        var (edges, parameters) = EdgeQuery("""
            SELECT l.from_key AS k, a.url AS u FROM links l JOIN articles a ON a.url_key = l.from_key
            """, filter, kinds);
        var (targets, _) = EdgeQuery("""
            SELECT l.to_key AS k, l.to_url AS u FROM links l JOIN articles a ON a.url_key = l.from_key
            """, filter, kinds);
        var sql = $"""
            SELECT n.k, coalesce(b.url, min(n.u)), b.id, b.title, bs.name, b.published
            FROM ({edges} UNION ALL {targets}) n
            LEFT JOIN articles b ON b.url_key = n.k LEFT JOIN sites bs ON bs.id = b.site_id
            GROUP BY n.k ORDER BY n.k
            """;
        return Stream(sql, parameters, reader => new GraphNode(
            reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
            StoredTime.Parse(reader.IsDBNull(5) ? null : reader.GetString(5))));
    }

    private (string Sql, List<(string, object)> Parameters) EdgeQuery(string select, ArticleQuery filter, IReadOnlyCollection<string> kinds)
    {
        var (conditions, parameters) = Filters(filter);
        parameters.Add(("$kinds", JsonSerializer.Serialize(kinds.Select(k => k.ToLowerInvariant()).ToArray(), StorageJson.Default.StringArray)));
        var sql = select + $"""

             WHERE (json_array_length($kinds) = 0 OR l.kind IN (SELECT value FROM json_each($kinds))){conditions}
            """;
        return (sql, parameters);
    }

    private IEnumerable<long> RelatedNeighbours(long articleId)
    {
        lock (_gate)
        {
            using var command = Command("""
                SELECT b.id FROM articles a JOIN links l ON l.from_key = a.url_key AND l.kind = 'related' JOIN articles b ON b.url_key = l.to_key
                WHERE a.id = $id
                UNION
                SELECT b.id FROM articles a JOIN links l ON l.to_key = a.url_key AND l.kind = 'related' JOIN articles b ON b.url_key = l.from_key
                WHERE a.id = $id
                """);
            command.Parameters.AddWithValue("$id", articleId);
            using var reader = command.ExecuteReader();
            var ids = new List<long>();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
            return ids;
        }
    }

    /// <summary>Streams any query's rows; the lock is held per row, not for the whole enumeration.</summary>
    private IEnumerable<T> Stream<T>(string sql, IReadOnlyList<(string Name, object Value)> parameters, Func<Microsoft.Data.Sqlite.SqliteDataReader, T> read,
        bool isSearch = false)
    {
        Microsoft.Data.Sqlite.SqliteCommand command;
        Microsoft.Data.Sqlite.SqliteDataReader reader;
        lock (_gate)
        {
            command = Command(sql);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }
            try
            {
                reader = command.ExecuteReader();
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex) when (isSearch && ex.SqliteErrorCode == 1)
            {
                command.Dispose();
                throw new ArchiveException(CleanFtsError(ex.Message), ex, isUserError: true);
            }
        }
        using (command)
        using (reader)
        {
            while (true)
            {
                T item;
                lock (_gate)
                {
                    bool hasRow;
                    try
                    {
                        hasRow = reader.Read();
                    }
                    catch (Microsoft.Data.Sqlite.SqliteException ex) when (isSearch && ex.SqliteErrorCode == 1)
                    {
                        throw new ArchiveException(CleanFtsError(ex.Message), ex, isUserError: true);
                    }
                    if (!hasRow)
                    {
                        yield break;
                    }
                    item = read(reader);
                }
                yield return item;
            }
        }
    }
}
