using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsArchive.Parsing;

namespace NewsArchive.Storage;

/// <summary>
/// Storing parsed pages. Every statement here is prepared once per store and reused (SQLite keeps the compiled
/// statement), and the source bytes are hashed and compressed before the lock is taken.
/// </summary>
public sealed partial class ArchiveStore
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>Stores or updates one article with its source bytes, links and counters, in one transaction; returns its id.</summary>
    public long StoreArticle(long siteId, string urlKey, ParsedPage page, FetchRecord fetch)
    {
        var source = SourceBytes.Of(fetch);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var id = StoreArticleUnlocked(siteId, urlKey, page, fetch, source, transaction);
            transaction.Commit();
            return id;
        }
    }

    /// <summary>
    /// Stores many articles in one transaction, each exactly as <see cref="StoreArticle"/> would, in order: all of
    /// them or, if any fails, none. For imports and generated archives; a crawl stores page by page.
    /// </summary>
    public IReadOnlyList<long> StoreArticles(IReadOnlyList<ArticleToStore> articles)
    {
        var sources = new SourceBytes?[articles.Count];
        Parallel.For(0, articles.Count, i => sources[i] = SourceBytes.Of(articles[i].Fetch));
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var ids = new long[articles.Count];
            for (var i = 0; i < articles.Count; i++)
            {
                var article = articles[i];
                ids[i] = StoreArticleUnlocked(article.SiteId, article.UrlKey, article.Page, article.Fetch, sources[i], transaction);
            }
            transaction.Commit();
            return ids;
        }
    }

    private long StoreArticleUnlocked(long siteId, string urlKey, ParsedPage page, FetchRecord fetch, SourceBytes? source, SqliteTransaction transaction)
    {
        var hash = InsertFetch(fetch, siteId, source, transaction);
        var url = (page.CanonicalUrl ?? fetch.FinalUrl ?? fetch.Url).AbsoluteUri;
        var now = StoredTime.Format(fetch.FetchedAt);
        RecordVersionIfChanged(urlKey, page, now, transaction);

        var upsert = Prepared("""
            INSERT INTO articles(url_key, url, site_id, title, lead, body, body_html, published, published_utc, published_source,
                                 modified, authors, views, comments, source_hash, first_stored, last_fetched)
            VALUES ($key, $url, $site, $title, $lead, $body, $bodyHtml, $published, $publishedUtc, $publishedSource,
                    $modified, $authors, $views, $comments, $hash, $now, $now)
            ON CONFLICT(url_key) DO UPDATE SET
                url = excluded.url,
                -- A re-fetch whose parse came back empty (a broken or shell page) never erases what is stored.
                title = CASE WHEN excluded.body = '' THEN articles.title ELSE coalesce(excluded.title, articles.title) END,
                lead = CASE WHEN excluded.body = '' THEN articles.lead ELSE excluded.lead END,
                body = CASE WHEN excluded.body = '' THEN articles.body ELSE excluded.body END,
                body_html = CASE WHEN excluded.body = '' THEN articles.body_html ELSE excluded.body_html END,
                published = coalesce(excluded.published, articles.published),
                published_utc = coalesce(excluded.published_utc, articles.published_utc),
                published_source = coalesce(excluded.published_source, articles.published_source),
                modified = excluded.modified, authors = excluded.authors,
                views = coalesce(excluded.views, articles.views), comments = coalesce(excluded.comments, articles.comments),
                source_hash = excluded.source_hash, last_fetched = excluded.last_fetched
            RETURNING id
            """, transaction);
        upsert.Parameters.AddWithValue("$key", urlKey);
        upsert.Parameters.AddWithValue("$url", url);
        upsert.Parameters.AddWithValue("$site", siteId);
        AddArticleText(upsert, page);
        upsert.Parameters.AddWithValue("$views", (object?)page.Views ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$comments", (object?)page.Comments ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$hash", (object?)hash ?? DBNull.Value);
        upsert.Parameters.AddWithValue("$now", now);
        var articleId = (long)upsert.ExecuteScalar()!;

        ReplaceLinks(urlKey, page.Links, transaction);

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

    /// <summary>The article's outgoing links as stored: one row per target and kind (the first wins), never to itself.</summary>
    private static IEnumerable<(string ToKey, PageLink Link)> LinkRows(string urlKey, IReadOnlyList<PageLink> links)
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

    private void ReplaceLinks(string urlKey, IReadOnlyList<PageLink> links, SqliteTransaction transaction)
    {
        var deleteLinks = Prepared("DELETE FROM links WHERE from_key = $key", transaction);
        deleteLinks.Parameters.AddWithValue("$key", urlKey);
        deleteLinks.ExecuteNonQuery();
        if (links.Count == 0)
        {
            return;
        }
        var insertLink = Prepared("""
            INSERT OR IGNORE INTO links(from_key, to_key, to_url, kind, anchor, heading, published)
            VALUES ($from, $to, $toUrl, $kind, $anchor, $heading, $published)
            """, transaction);
        insertLink.Parameters.AddWithValue("$from", urlKey);
        var to = insertLink.Parameters.Add("$to", SqliteType.Text);
        var toUrl = insertLink.Parameters.Add("$toUrl", SqliteType.Text);
        var kind = insertLink.Parameters.Add("$kind", SqliteType.Text);
        var anchor = insertLink.Parameters.Add("$anchor", SqliteType.Text);
        var heading = insertLink.Parameters.Add("$heading", SqliteType.Text);
        var published = insertLink.Parameters.Add("$published", SqliteType.Text);
        foreach (var (linkKey, link) in LinkRows(urlKey, links))
        {
            to.Value = linkKey;
            toUrl.Value = link.Url.AbsoluteUri;
            kind.Value = KindName(link.Kind);
            anchor.Value = (object?)link.AnchorText ?? DBNull.Value;
            heading.Value = (object?)link.Heading ?? DBNull.Value;
            published.Value = (object?)StoredTime.Format(link.Published) ?? DBNull.Value;
            insertLink.ExecuteNonQuery();
        }
    }

    /// <summary>The parsed article's text, dates and authors as the parameters $title, $lead, $body, $published, $publishedUtc, $publishedSource, $modified, $authors.</summary>
    private static void AddArticleText(SqliteCommand command, ParsedPage page)
    {
        command.Parameters.AddWithValue("$title", (object?)page.Title ?? DBNull.Value);
        command.Parameters.AddWithValue("$lead", (object?)page.Lead ?? DBNull.Value);
        command.Parameters.AddWithValue("$body", page.Body);
        command.Parameters.AddWithValue("$bodyHtml", page.BodyHtml.Length == 0 ? DBNull.Value : page.BodyHtml);
        command.Parameters.AddWithValue("$published", (object?)StoredTime.Format(page.Published) ?? DBNull.Value);
        command.Parameters.AddWithValue("$publishedUtc", page.Published is { } p ? StoredTime.FormatUtc(p) : DBNull.Value);
        command.Parameters.AddWithValue("$publishedSource", (object?)PublishedSourceName(page) ?? DBNull.Value);
        command.Parameters.AddWithValue("$modified", (object?)StoredTime.Format(page.Modified) ?? DBNull.Value);
        command.Parameters.AddWithValue("$authors", AuthorsJson(page));
    }

    private static string? PublishedSourceName(ParsedPage page) => page.Published is null ? null : page.PublishedSource.ToString().ToLowerInvariant();

    private static string AuthorsJson(ParsedPage page) =>
        page.Authors.Count == 0 ? "[]" : JsonSerializer.Serialize(page.Authors as string[] ?? [.. page.Authors], StorageJson.Default.StringArray);

    private static string KindName(LinkKind kind) => kind switch
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
