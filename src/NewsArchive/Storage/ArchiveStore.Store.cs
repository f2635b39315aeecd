using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsArchive.Parsing;

namespace NewsArchive.Storage;

/// <summary>
/// Storing parsed pages. Everything derived from a page (source compression, stems, hashes, link keys: see
/// <see cref="PreparedArticle"/>) is worked out before the lock is taken; a new article's full-text row and derived
/// columns are written here, in the same transaction (the schema's update trigger keeps them current when an
/// article's title or body changes later). Every statement is prepared once per store and reused.
/// </summary>
public sealed partial class ArchiveStore
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly WordStemmerPool _stemmers = new();

    /// <summary>Stores or updates one article with its source bytes, links and counters, in one transaction; returns its id.</summary>
    public long StoreArticle(long siteId, string urlKey, ParsedPage page, FetchRecord fetch)
    {
        var prepared = PreparedArticle.Of(urlKey, page, fetch, _stemmers);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var toIndex = new List<(long, PreparedArticle)>(1);
            var id = StoreArticleUnlocked(siteId, urlKey, page, fetch, prepared, toIndex, transaction);
            IndexNewArticles(toIndex, transaction);
            transaction.Commit();
            return id;
        }
    }

    /// <summary>
    /// Stores many articles in one transaction, each exactly as <see cref="StoreArticle"/> would, in order: all of
    /// them or, if any fails, none. The articles are prepared on every core first. For imports and generated
    /// archives; a crawl stores page by page.
    /// </summary>
    public IReadOnlyList<long> StoreArticles(IReadOnlyList<ArticleToStore> articles)
    {
        var prepared = new PreparedArticle[articles.Count];
        Parallel.For(0, articles.Count, i => prepared[i] = PreparedArticle.Of(articles[i].UrlKey, articles[i].Page, articles[i].Fetch, _stemmers));
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var ids = new long[articles.Count];
            var toIndex = new List<(long, PreparedArticle)>(articles.Count);
            for (var i = 0; i < articles.Count; i++)
            {
                var article = articles[i];
                ids[i] = StoreArticleUnlocked(article.SiteId, article.UrlKey, article.Page, article.Fetch, prepared[i], toIndex, transaction);
            }
            IndexNewArticles(toIndex, transaction);
            transaction.Commit();
            return ids;
        }
    }

    /// <summary>Stores one article; a new one is added to <paramref name="toIndex"/>, whose full-text rows the caller writes last (<see cref="IndexNewArticles"/>).</summary>
    private long StoreArticleUnlocked(long siteId, string urlKey, ParsedPage page, FetchRecord fetch, PreparedArticle prepared,
        List<(long Id, PreparedArticle Prepared)> toIndex, SqliteTransaction transaction)
    {
        var hash = InsertFetch(fetch, siteId, prepared.Source, transaction);
        var now = StoredTime.Format(fetch.FetchedAt);
        var find = Prepared("SELECT id FROM articles WHERE url_key = $key", transaction);
        find.Parameters.AddWithValue("$key", urlKey);
        long articleId;
        if (find.ExecuteScalar() is long existing)
        {
            if (toIndex.Exists(pending => pending.Id == existing))
            {
                // The same page twice in a batch: its first full-text row must be there for the update trigger to replace.
                IndexNewArticles(toIndex, transaction);
                toIndex.Clear();
            }
            articleId = UpdateArticle(existing, urlKey, page, prepared, hash, now, transaction);
        }
        else
        {
            articleId = InsertArticle(siteId, urlKey, page, prepared, hash, now, transaction);
            toIndex.Add((articleId, prepared));
        }

        ReplaceLinks(urlKey, prepared.LinksJson, transaction);

        if (page.Views is not null || page.Comments is not null)
        {
            var counters = Prepared("INSERT INTO counters(article_id, read_at, views, comments) VALUES ($id, $at, $views, $comments)", transaction);
            counters.Parameters.AddWithValue("$id", articleId);
            counters.Parameters.AddWithValue("$at", now);
            counters.Parameters.AddWithValue("$views", (object?)page.Views ?? DBNull.Value);
            counters.Parameters.AddWithValue("$comments", (object?)page.Comments ?? DBNull.Value);
            counters.ExecuteNonQuery();
        }

        var settle = Prepared("UPDATE frontier SET state = 'done', last_error = NULL, attempts = attempts + 1 WHERE url_key = $key", transaction);
        settle.Parameters.AddWithValue("$key", urlKey);
        settle.ExecuteNonQuery();
        return articleId;
    }

    /// <summary>A new article's row with the derived columns (its full-text row comes later: <see cref="IndexNewArticles"/>).</summary>
    private long InsertArticle(long siteId, string urlKey, ParsedPage page, PreparedArticle prepared, string? hash, string now, SqliteTransaction transaction)
    {
        var insert = Prepared("""
            INSERT INTO articles(url_key, url, site_id, title, lead, body, body_html, published, published_utc, published_source,
                                 modified, authors, views, comments, source_hash, first_stored, last_fetched, simhash, body_hash, canonical_key)
            VALUES ($key, $url, $site, $title, $lead, $body, $bodyHtml, $published, $publishedUtc, $publishedSource,
                    $modified, $authors, $views, $comments, $hash, $now, $now, $simhash, $bodyHash, $canonicalKey)
            RETURNING id
            """, transaction);
        insert.Parameters.AddWithValue("$key", urlKey);
        insert.Parameters.AddWithValue("$url", prepared.Url);
        insert.Parameters.AddWithValue("$site", siteId);
        AddArticleText(insert, page, prepared.AuthorsJson);
        insert.Parameters.AddWithValue("$views", (object?)page.Views ?? DBNull.Value);
        insert.Parameters.AddWithValue("$comments", (object?)page.Comments ?? DBNull.Value);
        insert.Parameters.AddWithValue("$hash", (object?)hash ?? DBNull.Value);
        insert.Parameters.AddWithValue("$now", now);
        insert.Parameters.AddWithValue("$simhash", (object?)prepared.SimHash ?? DBNull.Value);
        insert.Parameters.AddWithValue("$bodyHash", (object?)prepared.BodyHash ?? DBNull.Value);
        insert.Parameters.AddWithValue("$canonicalKey", (object?)prepared.CanonicalKey ?? DBNull.Value);
        return (long)insert.ExecuteScalar()!;
    }

    /// <summary>
    /// The new articles' stems in the full-text index, after every other statement of the transaction. FTS5 keeps a
    /// transaction's postings in memory and writes them as one segment at commit, but writes them out at once whenever
    /// a later statement opens a statement savepoint (inserts checking foreign keys, INSERT … SELECT, triggers): with
    /// each article indexed in turn, a batch became one small segment per article, and merging them was a quarter of
    /// the batch's time.
    /// </summary>
    private void IndexNewArticles(List<(long Id, PreparedArticle Prepared)> toIndex, SqliteTransaction transaction)
    {
        foreach (var (id, prepared) in toIndex)
        {
            var index = Prepared("INSERT INTO articles_fts(rowid, title, body) VALUES ($id, $title, $body)", transaction);
            index.Parameters.AddWithValue("$id", id);
            index.Parameters.AddWithValue("$title", prepared.TitleStems);
            index.Parameters.AddWithValue("$body", prepared.BodyStems);
            index.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// A stored article fetched again: its text as it was becomes a version if the site changed it, then the row is
    /// updated (the update trigger re-indexes a changed title or body).
    /// </summary>
    private long UpdateArticle(long articleId, string urlKey, ParsedPage page, PreparedArticle prepared, string? hash, string now, SqliteTransaction transaction)
    {
        RecordVersionIfChanged(urlKey, page, now, transaction);
        var update = Prepared("""
            UPDATE articles SET
                url = $url,
                -- A re-fetch whose parse came back empty (a broken or shell page) never erases what is stored.
                title = CASE WHEN $body = '' THEN title ELSE coalesce($title, title) END,
                lead = CASE WHEN $body = '' THEN lead ELSE $lead END,
                body = CASE WHEN $body = '' THEN body ELSE $body END,
                body_html = CASE WHEN $body = '' THEN body_html ELSE $bodyHtml END,
                published = coalesce($published, published),
                published_utc = coalesce($publishedUtc, published_utc),
                published_source = coalesce($publishedSource, published_source),
                modified = $modified, authors = $authors,
                views = coalesce($views, views), comments = coalesce($comments, comments),
                source_hash = $hash, last_fetched = $now
            WHERE id = $id
            """, transaction);
        update.Parameters.AddWithValue("$id", articleId);
        update.Parameters.AddWithValue("$url", prepared.Url);
        AddArticleText(update, page, prepared.AuthorsJson);
        update.Parameters.AddWithValue("$views", (object?)page.Views ?? DBNull.Value);
        update.Parameters.AddWithValue("$comments", (object?)page.Comments ?? DBNull.Value);
        update.Parameters.AddWithValue("$hash", (object?)hash ?? DBNull.Value);
        update.Parameters.AddWithValue("$now", now);
        update.ExecuteNonQuery();
        return articleId;
    }

    /// <summary>The article's outgoing links as stored: one row per target and kind (the first wins), never to itself.</summary>
    internal static IEnumerable<(string ToKey, PageLink Link)> LinkRows(string urlKey, IReadOnlyList<PageLink> links)
    {
        var seen = new HashSet<(string, LinkKind)>();
        foreach (var link in links)
        {
            var linkKey = Crawling.UrlNormalizer.NormalizeString(link.Url);
            if (linkKey != urlKey && seen.Add((linkKey, link.Kind)))
            {
                yield return (linkKey, link);
            }
        }
    }

    /// <summary>Replaces the article's outgoing links with the rows of <paramref name="linksJson"/> (<see cref="LinkRowsJson"/>).</summary>
    private void ReplaceLinks(string urlKey, string? linksJson, SqliteTransaction transaction)
    {
        var deleteLinks = Prepared("DELETE FROM links WHERE from_key = $key", transaction);
        deleteLinks.Parameters.AddWithValue("$key", urlKey);
        deleteLinks.ExecuteNonQuery();
        if (linksJson is null)
        {
            return;
        }
        var insertLinks = Prepared("""
            INSERT OR IGNORE INTO links(from_key, to_key, to_url, kind, anchor, heading, published)
            SELECT $from, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each($links)
            """, transaction);
        insertLinks.Parameters.AddWithValue("$from", urlKey);
        insertLinks.Parameters.AddWithValue("$links", linksJson);
        insertLinks.ExecuteNonQuery();
    }

    /// <summary>The parsed article's text, dates and authors as the parameters $title, $lead, $body, $published, $publishedUtc, $publishedSource, $modified, $authors.</summary>
    private static void AddArticleText(SqliteCommand command, ParsedPage page, string authorsJson)
    {
        command.Parameters.AddWithValue("$title", (object?)page.Title ?? DBNull.Value);
        command.Parameters.AddWithValue("$lead", (object?)page.Lead ?? DBNull.Value);
        command.Parameters.AddWithValue("$body", page.Body);
        command.Parameters.AddWithValue("$bodyHtml", page.BodyHtml.Length == 0 ? DBNull.Value : page.BodyHtml);
        command.Parameters.AddWithValue("$published", (object?)StoredTime.Format(page.Published) ?? DBNull.Value);
        command.Parameters.AddWithValue("$publishedUtc", page.Published is { } p ? StoredTime.FormatUtc(p) : DBNull.Value);
        command.Parameters.AddWithValue("$publishedSource", (object?)PublishedSourceName(page) ?? DBNull.Value);
        command.Parameters.AddWithValue("$modified", (object?)StoredTime.Format(page.Modified) ?? DBNull.Value);
        command.Parameters.AddWithValue("$authors", authorsJson);
    }

    private static string? PublishedSourceName(ParsedPage page) => page.Published is null ? null : page.PublishedSource.ToString().ToLowerInvariant();

    internal static string AuthorsJson(ParsedPage page) =>
        page.Authors.Count == 0 ? "[]" : JsonSerializer.Serialize(page.Authors as string[] ?? [.. page.Authors], StorageJson.Default.StringArray);

    internal static string KindName(LinkKind kind) => kind switch
    {
        LinkKind.Related => "related",
        LinkKind.Sidebar => "sidebar",
        LinkKind.Body => "body",
        LinkKind.Listing => "listing",
        LinkKind.Tag => "tag",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private string? InsertFetch(FetchRecord fetch, long? siteId, SourceBytes? source, SqliteTransaction transaction)
    {
        if (source is not null)
        {
            var insertSource = Prepared("""
                INSERT OR IGNORE INTO sources(hash, content_type, raw_size, compressed) VALUES ($hash, $type, $size, $data)
                """, transaction);
            insertSource.Parameters.AddWithValue("$hash", source.Hash);
            insertSource.Parameters.AddWithValue("$type", (object?)source.ContentType ?? DBNull.Value);
            insertSource.Parameters.AddWithValue("$size", source.RawSize);
            insertSource.Parameters.AddWithValue("$data", source.Compressed);
            insertSource.ExecuteNonQuery();
        }
        var command = Prepared("""
            INSERT INTO fetches(site_id, url, final_url, fetched_at, status, outcome, error, source_hash, etag, last_modified)
            VALUES ($site, $url, $final, $at, $status, $outcome, $error, $hash, $etag, $modified)
            """, transaction);
        command.Parameters.AddWithValue("$site", (object?)(siteId ?? fetch.SiteId) ?? DBNull.Value);
        command.Parameters.AddWithValue("$url", fetch.Url.AbsoluteUri);
        command.Parameters.AddWithValue("$final", (object?)fetch.FinalUrl?.AbsoluteUri ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", StoredTime.Format(fetch.FetchedAt));
        command.Parameters.AddWithValue("$status", fetch.Status);
        command.Parameters.AddWithValue("$outcome", fetch.Outcome);
        command.Parameters.AddWithValue("$error", (object?)fetch.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("$hash", (object?)source?.Hash ?? DBNull.Value);
        command.Parameters.AddWithValue("$etag", (object?)fetch.ETag ?? DBNull.Value);
        command.Parameters.AddWithValue("$modified", (object?)StoredTime.Format(fetch.LastModified) ?? DBNull.Value);
        command.ExecuteNonQuery();
        return source?.Hash;
    }

    /// <summary>
    /// A command for <paramref name="sql"/> prepared once and reused, its parameters cleared. Only for statements
    /// run to completion under the lock (never for readers that outlive the call); the store disposes them.
    /// </summary>
    private SqliteCommand Prepared(string sql, SqliteTransaction? transaction)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _prepared[sql] = command;
        }
        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }
}
