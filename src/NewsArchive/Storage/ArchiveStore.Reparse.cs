using System.Text;
using Microsoft.Data.Sqlite;
using NewsArchive.Parsing;

namespace NewsArchive.Storage;

/// <summary>
/// Re-parsing stored pages: reading what each article was parsed from, and writing what the current parser makes of
/// it. A reparse corrects the archive's reading of pages it already holds; it is not a fetch and not an edit by the
/// site, so it adds no fetch, no counter reading and no article version.
/// </summary>
public sealed partial class ArchiveStore
{
    /// <summary>
    /// The next <paramref name="limit"/> articles after <paramref name="afterId"/> (in id order) that the filters select,
    /// with their source: a caller pages through the archive batch by batch, so memory stays flat whatever its size.
    /// </summary>
    public IReadOnlyList<ArticleSource> ReadArticleSources(ArticleQuery filter, long afterId, int limit)
    {
        var filters = new StringBuilder();
        var parameters = new List<(string Name, object Value)>();
        AppendFilters(filters, parameters, filter);
        parameters.Add(("$after", afterId));
        parameters.Add(("$limit", limit));
        lock (_gate)
        {
            // The fetch that brought the current source bytes, found through the fetch history's URL index: its final URL
            // resolves the page's relative links and its time the page's relative dates, as on the day it was fetched.
            using var command = Command($"""
                SELECT a.id, a.url_key, a.url, a.last_fetched, f.feed_published, src.content_type, src.compressed, h.final_url, h.url, h.fetched_at
                FROM articles a
                LEFT JOIN frontier f ON f.url_key = a.url_key
                LEFT JOIN sources src ON src.hash = a.source_hash
                LEFT JOIN fetches h ON h.id = (SELECT max(x.id) FROM fetches x
                                               WHERE x.url IN (coalesce(f.fetch_url, a.url), a.url) AND x.source_hash = a.source_hash)
                WHERE a.id > $after{filters}
                ORDER BY a.id LIMIT $limit
                """);
            AddParameters(command, parameters);
            using var reader = command.ExecuteReader();
            var sources = new List<ArticleSource>();
            while (reader.Read())
            {
                var url = reader.IsDBNull(7) ? reader.IsDBNull(8) ? reader.GetString(2) : reader.GetString(8) : reader.GetString(7);
                var fetchedAt = reader.IsDBNull(9) ? reader.GetString(3) : reader.GetString(9);
                sources.Add(new ArticleSource(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    new Uri(url),
                    StoredTime.Parse(fetchedAt) ?? default,
                    StoredTime.Parse(reader.IsDBNull(4) ? null : reader.GetString(4)),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : (byte[])reader.GetValue(6)));
            }
            return sources;
        }
    }

    /// <summary>
    /// Writes what the current parser made of a stored article's source, in one transaction, and says what changed.
    /// The same rules as a fetch: a title or date the parser no longer finds is kept. Counters stay as read when
    /// fetched; no version is recorded, since the site did not change the text. With <paramref name="dryRun"/> it only compares.
    /// </summary>
    public ReparseChange ApplyReparse(long articleId, ParsedPage page, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        var authors = AuthorsJson(page);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            string urlKey;
            var change = ReparseChange.None;
            using (var current = Command("""
                SELECT url_key, title, lead, body, published, published_source, modified, authors, body_html FROM articles WHERE id = $id
                """, transaction))
            {
                current.Parameters.AddWithValue("$id", articleId);
                using var reader = current.ExecuteReader();
                if (!reader.Read())
                {
                    throw new ArchiveException($"article {articleId} is not in the archive", isUserError: true);
                }
                urlKey = reader.GetString(0);
                string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
                if ((page.Title ?? Text(1)) != Text(1))
                {
                    change |= ReparseChange.Title;
                }
                if (page.Lead != Text(2) || page.Body != Text(3) || (page.BodyHtml.Length == 0 ? null : page.BodyHtml) != Text(8))
                {
                    change |= ReparseChange.Body;
                }
                if ((page.Published is null ? Text(4) : StoredTime.Format(page.Published)) != Text(4)
                    || (PublishedSourceName(page) ?? Text(5)) != Text(5)
                    || StoredTime.Format(page.Modified) != Text(6))
                {
                    change |= ReparseChange.Dates;
                }
                if (authors != Text(7))
                {
                    change |= ReparseChange.Authors;
                }
            }
            if (!SameLinks(urlKey, page.Links, transaction))
            {
                change |= ReparseChange.Links;
            }
            if (change == ReparseChange.None || dryRun)
            {
                return change;
            }
            // The triggers bring the search index, the SimHash and the body hash up to date when title or body change.
            using (var update = Command("""
                UPDATE articles SET title = coalesce($title, title), lead = $lead, body = $body, body_html = $bodyHtml,
                    published = coalesce($published, published), published_utc = coalesce($publishedUtc, published_utc),
                    published_source = coalesce($publishedSource, published_source),
                    modified = $modified, authors = $authors
                WHERE id = $id
                """, transaction))
            {
                update.Parameters.AddWithValue("$id", articleId);
                AddArticleText(update, page, authors);
                update.ExecuteNonQuery();
            }
            if (change.HasFlag(ReparseChange.Links))
            {
                ReplaceLinks(urlKey, LinkRowsJson.Write([.. LinkRows(urlKey, page.Links)]), transaction);
            }
            transaction.Commit();
            return change;
        }
    }

    /// <summary>Whether the stored outgoing links are exactly the rows <paramref name="links"/> would be stored as.</summary>
    private bool SameLinks(string urlKey, IReadOnlyList<PageLink> links, SqliteTransaction transaction)
    {
        var stored = new HashSet<(string, string, string?, string?, string?)>();
        using (var command = Command("SELECT to_key, kind, anchor, heading, published FROM links WHERE from_key = $key", transaction))
        {
            command.Parameters.AddWithValue("$key", urlKey);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stored.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }
        var parsed = LinkRows(urlKey, links)
            .Select(r => (r.ToKey, KindName(r.Link.Kind), r.Link.AnchorText, r.Link.Heading, StoredTime.Format(r.Link.Published)))
            .ToHashSet();
        return stored.SetEquals(parsed);
    }
}
