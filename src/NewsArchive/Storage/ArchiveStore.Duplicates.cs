using System.Text.Json;

namespace NewsArchive.Storage;

/// <summary>Duplicate groups: exact (the same canonical URL, the same body text) and near (SimHash).</summary>
public sealed partial class ArchiveStore
{
    /// <summary>
    /// The other members of the article's duplicate group: exact duplicates first (the same canonical URL, then the
    /// same body text), then near-duplicates nearest first; within each, oldest first.
    /// </summary>
    public IReadOnlyList<Duplicate> FindDuplicates(long articleId)
    {
        var found = new Dictionary<long, (DuplicateMatch Match, int? Distance)>();
        lock (_gate)
        {
            string group;
            long? bodyHash;
            long? simhash;
            using (var own = Command("SELECT coalesce(canonical_key, url_key), body_hash, simhash FROM articles WHERE id = $id"))
            {
                own.Parameters.AddWithValue("$id", articleId);
                using var reader = own.ExecuteReader();
                if (!reader.Read())
                {
                    return [];
                }
                group = reader.GetString(0);
                bodyHash = reader.IsDBNull(1) ? null : reader.GetInt64(1);
                simhash = reader.IsDBNull(2) ? null : reader.GetInt64(2);
            }
            int? DistanceTo(long? other) => simhash is { } a && other is { } b ? SimHash.Distance(a, b) : null;

            // The canonical group: the article its canonical link names, and every article naming the same one.
            using (var canonical = Command("""
                SELECT id, simhash FROM articles WHERE (url_key = $group OR canonical_key = $group) AND id <> $id
                """))
            {
                canonical.Parameters.AddWithValue("$group", group);
                canonical.Parameters.AddWithValue("$id", articleId);
                using var reader = canonical.ExecuteReader();
                while (reader.Read())
                {
                    found[reader.GetInt64(0)] = (DuplicateMatch.CanonicalUrl, DistanceTo(reader.IsDBNull(1) ? null : reader.GetInt64(1)));
                }
            }
            if (bodyHash is { } hash)
            {
                using var sameText = Command("SELECT id FROM articles WHERE body_hash = $hash AND id <> $id");
                sameText.Parameters.AddWithValue("$hash", hash);
                sameText.Parameters.AddWithValue("$id", articleId);
                using var reader = sameText.ExecuteReader();
                while (reader.Read())
                {
                    found.TryAdd(reader.GetInt64(0), (DuplicateMatch.SameText, 0));
                }
            }
            if (simhash is { } own64)
            {
                // A scan of one integer per article: fast enough for an archive of years, and exact.
                using var all = Command("SELECT id, simhash FROM articles WHERE simhash IS NOT NULL AND id <> $id");
                all.Parameters.AddWithValue("$id", articleId);
                using var reader = all.ExecuteReader();
                while (reader.Read())
                {
                    var distance = SimHash.Distance(own64, reader.GetInt64(1));
                    if (distance <= SimHash.NearDistance)
                    {
                        found.TryAdd(reader.GetInt64(0), (DuplicateMatch.NearText, distance));
                    }
                }
            }
        }
        if (found.Count == 0)
        {
            return [];
        }
        var articles = ReadArticles(ArticleSelectWithoutBody
            + " WHERE a.id IN (SELECT value FROM json_each($ids))", [("$ids", JsonSerializer.Serialize(found.Keys.ToArray(), StorageJson.Default.Int64Array))]);
        return articles.Select(a => new Duplicate(a, found[a.Id].Match, found[a.Id].Distance))
            .OrderBy(d => d.Match).ThenBy(d => d.Distance ?? 0).ThenBy(d => d.Article.Published).ThenBy(d => d.Article.Id).ToList();
    }
}
