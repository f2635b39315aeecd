using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsArchive.Parsing;
using NewsArchive.Sites;

namespace NewsArchive.Storage;

/// <summary>
/// The archive: one SQLite file in WAL mode. Every stored page is one transaction, so a crash
/// leaves either the whole page (article, links, counters, source bytes) or none of it.
/// </summary>
public sealed partial class ArchiveStore : IDisposable
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    private ArchiveStore(SqliteConnection connection)
    {
        _connection = connection;
    }

    public string Path => _connection.DataSource;

    /// <summary>
    /// Opens or creates an archive; refuses files that are not archives, never modifying them. <paramref name="maxPages"/>
    /// caps the file at that many pages (SQLite's max_page_count): a quota, and how the tests make the disk "full".
    /// </summary>
    public static ArchiveStore Open(string path, bool readOnly = false, long? maxPages = null)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var exists = File.Exists(fullPath);
        if (exists)
        {
            EnsureLooksLikeSqlite(fullPath);
        }
        else if (readOnly)
        {
            throw new ArchiveException($"no archive at {fullPath} (run 'newsarchive sites add' or 'fetch' first, or pass --db)", isUserError: true);
        }
        else if (System.IO.Path.GetDirectoryName(fullPath) is { } dir && !Directory.Exists(dir))
        {
            throw new ArchiveException($"directory {dir} does not exist", isUserError: true);
        }

        try
        {
            return new ArchiveStore(Connect(fullPath, fullPath, exists, readOnly, maxPages));
        }
        catch (SqliteException ex) when (readOnly && ex.SqliteErrorCode == 14 && !File.Exists(fullPath + "-wal"))
        {
            // A read-only directory: SQLite cannot create the -wal and -shm files a WAL reader needs. With no -wal
            // file no writer can be at work, so the file is read as immutable instead.
            try
            {
                return new ArchiveStore(Connect(fullPath, new Uri(fullPath).AbsoluteUri + "?immutable=1", exists, readOnly, maxPages));
            }
            catch (SqliteException retry)
            {
                throw new ArchiveException(DescribeSqliteError(retry, fullPath), retry);
            }
        }
        catch (SqliteException ex)
        {
            throw new ArchiveException(DescribeSqliteError(ex, fullPath), ex);
        }
    }

    private static SqliteConnection Connect(string fullPath, string dataSource, bool exists, bool readOnly, long? maxPages)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = dataSource,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            ArchiveFunctions.Register(connection);
            Execute(connection, "PRAGMA busy_timeout = 10000;");
            if (exists)
            {
                EnsureIsArchive(connection, fullPath);
            }
            if (!readOnly)
            {
                Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
                ArchiveSchema.Migrate(connection);
                if (maxPages is { } pages)
                {
                    Execute(connection, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA max_page_count = {pages};"));
                }
            }
            else if (ArchiveSchema.ReadVersion(connection) > ArchiveSchema.CurrentVersion)
            {
                throw new ArchiveException("the archive was written by a newer NewsArchive");
            }
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var command in _prepared.Values)
            {
                command.Dispose();
            }
            _prepared.Clear();
            _connection.Dispose();
        }
    }

    // ---- sites ----

    public Site AddSite(string name, Uri startUrl, IReadOnlyList<Uri> feeds, DateTimeOffset now, SiteProfile? profile = null)
    {
        lock (_gate)
        {
            if (FindSite(name) is not null)
            {
                throw new ArchiveException($"a site named '{name}' already exists", isUserError: true);
            }
            using var command = Command("""
                INSERT INTO sites(name, start_url, feeds, added_at, profile) VALUES ($name, $url, $feeds, $at, $profile) RETURNING id
                """);
            command.Parameters.AddWithValue("$profile", profile is null ? DBNull.Value : SiteProfileJson.Write(profile));
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$url", startUrl.AbsoluteUri);
            command.Parameters.AddWithValue("$feeds", JsonSerializer.Serialize(feeds.Select(f => f.AbsoluteUri).ToArray(), StorageJson.Default.StringArray));
            command.Parameters.AddWithValue("$at", StoredTime.Format(now));
            var id = (long)command.ExecuteScalar()!;
            return new Site(id, name, startUrl, feeds, now, profile);
        }
    }

    public void UpdateSiteFeeds(long siteId, IReadOnlyList<Uri> feeds)
    {
        lock (_gate)
        {
            using var command = Command("UPDATE sites SET feeds = $feeds WHERE id = $id");
            command.Parameters.AddWithValue("$feeds", JsonSerializer.Serialize(feeds.Select(f => f.AbsoluteUri).ToArray(), StorageJson.Default.StringArray));
            command.Parameters.AddWithValue("$id", siteId);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Attaches a profile to the site, or with null takes it away; false when there is no such site.</summary>
    public bool SetSiteProfile(string name, SiteProfile? profile)
    {
        lock (_gate)
        {
            using var command = Command("UPDATE sites SET profile = $profile WHERE name = $name");
            command.Parameters.AddWithValue("$profile", profile is null ? DBNull.Value : SiteProfileJson.Write(profile));
            command.Parameters.AddWithValue("$name", name);
            return command.ExecuteNonQuery() > 0;
        }
    }

    public IReadOnlyList<Site> ListSites()
    {
        lock (_gate)
        {
            using var command = Command("SELECT id, name, start_url, feeds, added_at, profile FROM sites ORDER BY name");
            return ReadSites(command);
        }
    }

    public Site? FindSite(string name)
    {
        lock (_gate)
        {
            using var command = Command("SELECT id, name, start_url, feeds, added_at, profile FROM sites WHERE name = $name");
            command.Parameters.AddWithValue("$name", name);
            return ReadSites(command).FirstOrDefault();
        }
    }

    public Site? FindSiteByStartUrl(Uri startUrl)
    {
        var key = Crawling.UrlNormalizer.NormalizeString(startUrl);
        return ListSites().FirstOrDefault(s => Crawling.UrlNormalizer.NormalizeString(s.StartUrl) == key);
    }

    /// <summary>Removes the site and its pending work; its stored articles stay in the archive.</summary>
    public bool RemoveSite(string name)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using var command = Command("DELETE FROM sites WHERE name = $name", transaction);
            command.Parameters.AddWithValue("$name", name);
            var removed = command.ExecuteNonQuery() > 0;
            transaction.Commit();
            return removed;
        }
    }

    public int CountArticles(long? siteId = null) => Count("SELECT count(*) FROM articles WHERE 1 = 1", siteId);

    // ---- frontier ----

    /// <summary>Adds URLs not seen before; returns how many were new.</summary>
    public int Enqueue(IEnumerable<FrontierEntry> entries, DateTimeOffset now)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            // Inserts are counted from their own changes; a known URL only gains a feed date it lacked.
            using var insert = Command("""
                INSERT OR IGNORE INTO frontier(url_key, fetch_url, site_id, source, feed_published, discovered_at)
                SELECT $key, $url, $site, $source, $feed, $at
                WHERE NOT EXISTS (SELECT 1 FROM articles WHERE url_key = $key)
                """, transaction);
            using var addFeedDate = Command("""
                UPDATE frontier SET feed_published = $feed
                WHERE url_key = $key AND feed_published IS NULL AND $feed IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM articles WHERE url_key = $key)
                """, transaction);
            var key = insert.Parameters.Add("$key", SqliteType.Text);
            var url = insert.Parameters.Add("$url", SqliteType.Text);
            var site = insert.Parameters.Add("$site", SqliteType.Integer);
            var source = insert.Parameters.Add("$source", SqliteType.Text);
            var feed = insert.Parameters.Add("$feed", SqliteType.Text);
            insert.Parameters.AddWithValue("$at", StoredTime.Format(now));
            var updateKey = addFeedDate.Parameters.Add("$key", SqliteType.Text);
            var updateFeed = addFeedDate.Parameters.Add("$feed", SqliteType.Text);
            var added = 0;
            foreach (var entry in entries)
            {
                key.Value = updateKey.Value = entry.UrlKey;
                url.Value = entry.FetchUrl.AbsoluteUri;
                site.Value = entry.SiteId;
                source.Value = entry.Source;
                feed.Value = updateFeed.Value = (object?)StoredTime.Format(entry.FeedPublished) ?? DBNull.Value;
                var inserted = insert.ExecuteNonQuery();
                added += inserted;
                if (inserted == 0 && entry.FeedPublished is not null)
                {
                    addFeedDate.ExecuteNonQuery();
                }
            }
            transaction.Commit();
            return added;
        }
    }

    public IReadOnlyList<FrontierEntry> PendingFrontier(long siteId, int limit)
    {
        lock (_gate)
        {
            using var command = Command("""
                SELECT url_key, fetch_url, site_id, source, feed_published, attempts FROM frontier
                WHERE state = 'pending' AND site_id = $site
                ORDER BY coalesce(feed_published, discovered_at) DESC, rowid
                LIMIT $limit
                """);
            command.Parameters.AddWithValue("$site", siteId);
            command.Parameters.AddWithValue("$limit", limit);
            using var reader = command.ExecuteReader();
            var result = new List<FrontierEntry>();
            while (reader.Read())
            {
                result.Add(new FrontierEntry(
                    reader.GetString(0), new Uri(reader.GetString(1)), reader.GetInt64(2), reader.GetString(3),
                    StoredTime.Parse(reader.IsDBNull(4) ? null : reader.GetString(4)), reader.GetInt32(5)));
            }
            return result;
        }
    }

    public int PendingCount(long? siteId = null) => Count("SELECT count(*) FROM frontier WHERE state = 'pending'", siteId);

    /// <summary>Runs a count, narrowed to one site when <paramref name="siteId"/> is given.</summary>
    private int Count(string sql, long? siteId)
    {
        lock (_gate)
        {
            using var command = Command(siteId is null ? sql : sql + " AND site_id = $site");
            if (siteId is not null)
            {
                command.Parameters.AddWithValue("$site", siteId);
            }
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Puts pages that failed on earlier runs back in the queue until they have failed too often.</summary>
    public void RequeueFailed(long siteId, int maxAttempts)
    {
        lock (_gate)
        {
            using var command = Command("""
                UPDATE frontier SET state = 'pending' WHERE state = 'failed' AND site_id = $site AND attempts < $max
                """);
            command.Parameters.AddWithValue("$site", siteId);
            command.Parameters.AddWithValue("$max", maxAttempts);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Whether the URL is archived or was settled by an earlier fetch (done, failed or skipped).
    /// URLs merely queued, by this run's feed say, are not known: listing discovery goes on past them.
    /// </summary>
    public bool IsKnown(string urlKey)
    {
        lock (_gate)
        {
            using var command = Command("""
                SELECT EXISTS(SELECT 1 FROM articles WHERE url_key = $key)
                    OR EXISTS(SELECT 1 FROM frontier WHERE url_key = $key AND state <> 'pending')
                """);
            command.Parameters.AddWithValue("$key", urlKey);
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
        }
    }

    /// <summary>Settles a frontier entry that did not become an article (failed, skipped, not an article).</summary>
    public void SettleFrontier(string urlKey, string state, string? error, FetchRecord? fetch)
    {
        var source = fetch is null ? null : SourceBytes.Of(fetch);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            if (fetch is not null)
            {
                InsertFetch(fetch, null, source, transaction);
            }
            using var command = Command("""
                UPDATE frontier SET state = $state, last_error = $error, attempts = attempts + 1 WHERE url_key = $key
                """, transaction);
            command.Parameters.AddWithValue("$state", state);
            command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
            command.Parameters.AddWithValue("$key", urlKey);
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <summary>Records a fetch that is not an article (listing, feed) for conditional GET next time.</summary>
    public void RecordFetch(FetchRecord fetch)
    {
        var source = SourceBytes.Of(fetch);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            InsertFetch(fetch, null, source, transaction);
            transaction.Commit();
        }
    }

    public ConditionalState? LastConditional(Uri url)
    {
        lock (_gate)
        {
            using var command = Command("""
                SELECT etag, last_modified FROM fetches WHERE url = $url AND status = 200 ORDER BY id DESC LIMIT 1
                """);
            command.Parameters.AddWithValue("$url", url.AbsoluteUri);
            using var reader = command.ExecuteReader();
            if (!reader.Read() || (reader.IsDBNull(0) && reader.IsDBNull(1)))
            {
                return null;
            }
            return new ConditionalState(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                StoredTime.Parse(reader.IsDBNull(1) ? null : reader.GetString(1)));
        }
    }

    // ---- runs, revisits and sitemap state (the crawler's bookkeeping) ----

    /// <summary>
    /// Starts a run record. Runs still marked running were killed (the caller holds the <see cref="ArchiveLock"/>,
    /// so no other run is alive) and are marked so.
    /// </summary>
    public long StartRun(DateTimeOffset startedAt, string? options)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using (var killed = Command("UPDATE runs SET status = 'killed' WHERE status = 'running'", transaction))
            {
                killed.ExecuteNonQuery();
            }
            using var command = Command("INSERT INTO runs(started_at, options) VALUES ($at, $options) RETURNING id", transaction);
            command.Parameters.AddWithValue("$at", StoredTime.Format(startedAt));
            command.Parameters.AddWithValue("$options", (object?)options ?? DBNull.Value);
            var id = (long)command.ExecuteScalar()!;
            transaction.Commit();
            return id;
        }
    }

    /// <summary>Records what the run did on one site, with its failures; written as soon as the site is done.</summary>
    public void RecordRunSite(long runId, RunSiteRecord site)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using (var command = Command("""
                INSERT OR REPLACE INTO run_sites(run_id, site_name, started_at, ended_at, discovered, fetched, stored, revisited,
                                                 unchanged, skipped, failed, undated, error, warnings)
                VALUES ($run, $site, $start, $end, $discovered, $fetched, $stored, $revisited, $unchanged, $skipped, $failed,
                        $undated, $error, $warnings)
                """, transaction))
            {
                command.Parameters.AddWithValue("$run", runId);
                command.Parameters.AddWithValue("$site", site.Site);
                command.Parameters.AddWithValue("$start", StoredTime.Format(site.StartedAt));
                command.Parameters.AddWithValue("$end", StoredTime.Format(site.EndedAt));
                command.Parameters.AddWithValue("$discovered", site.Discovered);
                command.Parameters.AddWithValue("$fetched", site.Fetched);
                command.Parameters.AddWithValue("$stored", site.Stored);
                command.Parameters.AddWithValue("$revisited", site.Revisited);
                command.Parameters.AddWithValue("$unchanged", site.Unchanged);
                command.Parameters.AddWithValue("$skipped", site.Skipped);
                command.Parameters.AddWithValue("$failed", site.Failed);
                command.Parameters.AddWithValue("$undated", site.Undated);
                command.Parameters.AddWithValue("$error", (object?)site.Error ?? DBNull.Value);
                command.Parameters.AddWithValue("$warnings", JsonSerializer.Serialize(site.Warnings));
                command.ExecuteNonQuery();
            }
            using (var failure = Command("INSERT INTO run_failures(run_id, site_name, url, reason) VALUES ($run, $site, $url, $reason)", transaction))
            {
                failure.Parameters.AddWithValue("$run", runId);
                failure.Parameters.AddWithValue("$site", site.Site);
                var url = failure.Parameters.Add("$url", SqliteType.Text);
                var reason = failure.Parameters.Add("$reason", SqliteType.Text);
                foreach (var item in site.Failures)
                {
                    url.Value = item.Url;
                    reason.Value = item.Reason;
                    failure.ExecuteNonQuery();
                }
            }
            transaction.Commit();
        }
    }

    public void FinishRun(long runId, DateTimeOffset endedAt, string status)
    {
        lock (_gate)
        {
            using var command = Command("UPDATE runs SET ended_at = $at, status = $status WHERE id = $id");
            command.Parameters.AddWithValue("$at", StoredTime.Format(endedAt));
            command.Parameters.AddWithValue("$status", status);
            command.Parameters.AddWithValue("$id", runId);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Past runs, newest first, with their per-site counts (failures are left out; see <see cref="GetRun"/>).</summary>
    public IReadOnlyList<RunRecord> ListRuns(int? limit = null)
    {
        lock (_gate)
        {
            if (!HasTable("runs"))
            {
                return [];
            }
            using var command = Command("SELECT id, started_at, ended_at, status FROM runs ORDER BY id DESC LIMIT $limit");
            command.Parameters.AddWithValue("$limit", limit ?? -1);
            var runs = new List<(long Id, DateTimeOffset Start, DateTimeOffset? End, string Status)>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    runs.Add((reader.GetInt64(0), StoredTime.Parse(reader.GetString(1)) ?? default,
                        StoredTime.Parse(reader.IsDBNull(2) ? null : reader.GetString(2)), reader.GetString(3)));
                }
            }
            return runs.Select(r => new RunRecord(r.Id, r.Start, r.End, r.Status, ReadRunSites(r.Id))).ToList();
        }
    }

    /// <summary>One run with its per-site counts and every failed URL with its reason; null if there is no such run.</summary>
    public RunRecord? GetRun(long runId)
    {
        lock (_gate)
        {
            if (!HasTable("runs"))
            {
                return null;
            }
            using var command = Command("SELECT id, started_at, ended_at, status FROM runs WHERE id = $id");
            command.Parameters.AddWithValue("$id", runId);
            RunRecord run;
            using (var reader = command.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return null;
                }
                run = new RunRecord(reader.GetInt64(0), StoredTime.Parse(reader.GetString(1)) ?? default,
                    StoredTime.Parse(reader.IsDBNull(2) ? null : reader.GetString(2)), reader.GetString(3), []);
            }
            using var failures = Command("SELECT site_name, url, reason FROM run_failures WHERE run_id = $id ORDER BY rowid");
            failures.Parameters.AddWithValue("$id", runId);
            var bySite = new List<RunFailure>();
            using (var reader = failures.ExecuteReader())
            {
                while (reader.Read())
                {
                    bySite.Add(new RunFailure(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }
            var sites = ReadRunSites(runId).Select(s => s with { Failures = bySite.Where(f => f.Site == s.Site).ToList() }).ToList();
            return run with { Sites = sites };
        }
    }

    /// <summary>Failure counts of the site in its last finished runs, newest first: what "usual" means for warnings.</summary>
    public IReadOnlyList<int> RecentFailureCounts(string siteName, int runs)
    {
        lock (_gate)
        {
            using var command = Command("""
                SELECT s.failed FROM run_sites s JOIN runs r ON r.id = s.run_id
                WHERE s.site_name = $site AND r.status IN ('ok', 'failed') ORDER BY r.id DESC LIMIT $runs
                """);
            command.Parameters.AddWithValue("$site", siteName);
            command.Parameters.AddWithValue("$runs", runs);
            using var reader = command.ExecuteReader();
            var counts = new List<int>();
            while (reader.Read())
            {
                counts.Add(reader.GetInt32(0));
            }
            return counts;
        }
    }

    /// <summary>When the stored article with this key was last fetched; null when it is not stored.</summary>
    public DateTimeOffset? ArticleLastFetched(string urlKey)
    {
        lock (_gate)
        {
            using var command = Command("SELECT last_fetched FROM articles WHERE url_key = $key");
            command.Parameters.AddWithValue("$key", urlKey);
            return StoredTime.Parse(command.ExecuteScalar() as string);
        }
    }

    /// <summary>
    /// Stored articles of the site published (or, undated, first stored) since <paramref name="publishedSince"/> and
    /// not fetched since <paramref name="fetchedBefore"/>, newest first, with the URL they were fetched from.
    /// </summary>
    public IReadOnlyList<RevisitCandidate> RevisitCandidates(long siteId, DateTimeOffset publishedSince, DateTimeOffset fetchedBefore)
    {
        lock (_gate)
        {
            using var command = Command("""
                SELECT a.url_key, coalesce(f.fetch_url, a.url), a.last_fetched, f.feed_published
                FROM articles a LEFT JOIN frontier f ON f.url_key = a.url_key
                WHERE a.site_id = $site AND a.last_fetched < $before AND coalesce(a.published_utc, a.first_stored) >= $since
                ORDER BY coalesce(a.published_utc, a.first_stored) DESC, a.id DESC
                """);
            command.Parameters.AddWithValue("$site", siteId);
            command.Parameters.AddWithValue("$before", StoredTime.FormatUtc(fetchedBefore));
            command.Parameters.AddWithValue("$since", StoredTime.FormatUtc(publishedSince));
            using var reader = command.ExecuteReader();
            var result = new List<RevisitCandidate>();
            while (reader.Read())
            {
                result.Add(new RevisitCandidate(reader.GetString(0), new Uri(reader.GetString(1)), StoredTime.Parse(reader.GetString(2)) ?? default,
                    StoredTime.Parse(reader.IsDBNull(3) ? null : reader.GetString(3))));
            }
            return result;
        }
    }

    private List<RunSiteRecord> ReadRunSites(long runId)
    {
        using var command = Command("""
            SELECT site_name, started_at, ended_at, discovered, fetched, stored, revisited, unchanged, skipped, failed, undated, error, warnings
            FROM run_sites WHERE run_id = $id ORDER BY site_name
            """);
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        var sites = new List<RunSiteRecord>();
        while (reader.Read())
        {
            sites.Add(new RunSiteRecord
            {
                Site = reader.GetString(0),
                StartedAt = StoredTime.Parse(reader.GetString(1)) ?? default,
                EndedAt = StoredTime.Parse(reader.GetString(2)) ?? default,
                Discovered = reader.GetInt32(3),
                Fetched = reader.GetInt32(4),
                Stored = reader.GetInt32(5),
                Revisited = reader.GetInt32(6),
                Unchanged = reader.GetInt32(7),
                Skipped = reader.GetInt32(8),
                Failed = reader.GetInt32(9),
                Undated = reader.GetInt32(10),
                Error = reader.IsDBNull(11) ? null : reader.GetString(11),
                Warnings = JsonSerializer.Deserialize<string[]>(reader.GetString(12)) ?? [],
            });
        }
        return sites;
    }

    private bool HasTable(string name)
    {
        using var command = Command("SELECT EXISTS(SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = $name)");
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
    }

    public byte[]? ReadSource(string hash)
    {
        lock (_gate)
        {
            using var command = Command("SELECT compressed FROM sources WHERE hash = $hash");
            command.Parameters.AddWithValue("$hash", hash);
            return command.ExecuteScalar() is byte[] compressed ? SourceCompression.Decompress(compressed) : null;
        }
    }

    // ---- queries ----

    /// <summary>Finds an article by id, or by its URL as stored or as a user would type it.</summary>
    public StoredArticle? FindArticle(string idOrUrl)
    {
        idOrUrl = idOrUrl.Trim();
        if (long.TryParse(idOrUrl, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return ReadArticles(ArticleSelect + " WHERE a.id = $id", [("$id", id)]).FirstOrDefault();
        }
        if (!SiteNames.TryParseStartUrl(idOrUrl, out var url, out _))
        {
            return null;
        }
        var key = Crawling.UrlNormalizer.NormalizeString(url);
        var found = ReadArticles(ArticleSelect + " WHERE a.url_key = $key", [("$key", key)]).FirstOrDefault();
        if (found is null && url.Scheme == Uri.UriSchemeHttps && !idOrUrl.Contains("://", StringComparison.Ordinal))
        {
            var httpKey = Crawling.UrlNormalizer.NormalizeString(new UriBuilder(url) { Scheme = "http", Port = -1 }.Uri);
            found = ReadArticles(ArticleSelect + " WHERE a.url_key = $key", [("$key", httpKey)]).FirstOrDefault();
        }
        return found ?? ReadArticles(ArticleSelect + " WHERE a.url = $url", [("$url", url.AbsoluteUri)]).FirstOrDefault();
    }

    /// <summary>
    /// The article's links in the given direction and kinds (all when empty). With a <paramref name="filter"/>, only links
    /// whose other end is a stored article the filter selects.
    /// </summary>
    public IReadOnlyList<StoredLink> GetLinks(long articleId, LinkDirection direction, IReadOnlyCollection<string> kinds, ArticleQuery? filter = null)
    {
        var links = GetLinksUnfiltered(articleId, direction, kinds);
        return KeepMatching(links, l => l.ArticleId, filter);
    }

    private List<StoredLink> GetLinksUnfiltered(long articleId, LinkDirection direction, IReadOnlyCollection<string> kinds)
    {
        lock (_gate)
        {
            var key = ArticleKey(articleId);
            if (key is null)
            {
                return [];
            }
            var result = new List<StoredLink>();
            if (direction.HasFlag(LinkDirection.Out))
            {
                using var command = Command("""
                    SELECT l.to_url, l.kind, coalesce(a.title, l.anchor), coalesce(a.published, l.published), l.heading, a.id
                    FROM links l LEFT JOIN articles a ON a.url_key = l.to_key
                    WHERE l.from_key = $key ORDER BY l.kind, l.published DESC
                    """);
                command.Parameters.AddWithValue("$key", key);
                ReadLinks(command, LinkDirection.Out, kinds, result);
            }
            if (direction.HasFlag(LinkDirection.In))
            {
                using var command = Command("""
                    SELECT a.url, l.kind, a.title, a.published, l.heading, a.id
                    FROM links l JOIN articles a ON a.url_key = l.from_key
                    WHERE l.to_key = $key ORDER BY l.kind, a.published_utc DESC
                    """);
                command.Parameters.AddWithValue("$key", key);
                ReadLinks(command, LinkDirection.In, kinds, result);
            }
            return result;
        }
    }

    private const string ArticleSelect = """
        SELECT a.id, a.url, s.name, a.title, a.lead, a.published, a.published_source, a.modified, a.authors,
               a.views, a.comments, a.body, a.first_stored, a.last_fetched, NULL, NULL, a.body_html
        FROM articles a LEFT JOIN sites s ON s.id = a.site_id
        """;

    /// <summary>The same columns without the body text and HTML, for lists of articles.</summary>
    private static readonly string ArticleSelectWithoutBody =
        ArticleSelect.Replace("a.body_html", "NULL", StringComparison.Ordinal).Replace("a.body", "NULL", StringComparison.Ordinal);

    /// <summary>Streams articles for exports; the lock is held per row read, not for the whole enumeration.</summary>
    private IEnumerable<StoredArticle> ReadArticles(string sql, IReadOnlyList<(string Name, object Value)> parameters) =>
        Stream(sql, parameters, ReadArticle, isSearch: true);

    /// <summary>The articles with these ids, in their order, each read when the caller gets to it (ids that are gone are skipped).</summary>
    private IEnumerable<StoredArticle> ReadArticlesById(IEnumerable<long> ids, string inlinks, bool includeBody)
    {
        SqliteCommand command;
        SqliteParameter id;
        lock (_gate)
        {
            command = Command($"""
                SELECT a.id, a.url, s.name, a.title, a.lead, a.published, a.published_source, a.modified, a.authors,
                       a.views, a.comments, {(includeBody ? "a.body" : "NULL")}, a.first_stored, a.last_fetched, NULL, {inlinks},
                       {(includeBody ? "a.body_html" : "NULL")}
                FROM articles a LEFT JOIN sites s ON s.id = a.site_id WHERE a.id = $id
                """);
            id = command.Parameters.Add("$id", SqliteType.Integer);
        }
        using (command)
        {
            foreach (var next in ids)
            {
                StoredArticle? article = null;
                lock (_gate)
                {
                    id.Value = next;
                    using var reader = command.ExecuteReader();
                    if (reader.Read())
                    {
                        article = ReadArticle(reader);
                    }
                }
                if (article is not null)
                {
                    yield return article;
                }
            }
        }
    }

    private static StoredArticle ReadArticle(SqliteDataReader reader)
    {
        var authors = reader.GetString(8);
        var article = new StoredArticle(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            StoredTime.Parse(reader.IsDBNull(5) ? null : reader.GetString(5)),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            StoredTime.Parse(reader.IsDBNull(7) ? null : reader.GetString(7)),
            authors == "[]" ? [] : JsonSerializer.Deserialize(authors, StorageJson.Default.StringArray) ?? [],
            reader.IsDBNull(9) ? null : reader.GetInt32(9),
            reader.IsDBNull(10) ? null : reader.GetInt32(10),
            reader.IsDBNull(11) ? null : reader.GetString(11),
            StoredTime.Parse(reader.GetString(12)) ?? default,
            StoredTime.Parse(reader.GetString(13)) ?? default,
            reader.IsDBNull(14) ? null : reader.GetString(14));
        if (reader.FieldCount > 15 && !reader.IsDBNull(15))
        {
            article = article with { Inlinks = reader.GetInt64(15) };
        }
        return reader.FieldCount > 16 && !reader.IsDBNull(16) ? article with { BodyHtml = reader.GetString(16) } : article;
    }

    private static string CleanFtsError(string message)
    {
        var text = message.Replace("SQLite Error 1: ", "", StringComparison.Ordinal).Trim().TrimEnd('.').Trim('\'');
        return $"invalid search query: {text}";
    }

    private static void ReadLinks(SqliteCommand command, LinkDirection direction, IReadOnlyCollection<string> kinds, List<StoredLink> into)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var kind = reader.GetString(1);
            if (kinds.Count > 0 && !kinds.Contains(kind, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            into.Add(new StoredLink(
                reader.GetString(0),
                kind,
                direction,
                reader.IsDBNull(2) ? null : reader.GetString(2),
                StoredTime.Parse(reader.IsDBNull(3) ? null : reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5)));
        }
    }

    private string? ArticleKey(long articleId)
    {
        using var command = Command("SELECT url_key FROM articles WHERE id = $id");
        command.Parameters.AddWithValue("$id", articleId);
        return command.ExecuteScalar() as string;
    }

    private static List<Site> ReadSites(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var sites = new List<Site>();
        while (reader.Read())
        {
            var feeds = (JsonSerializer.Deserialize(reader.GetString(3), StorageJson.Default.StringArray) ?? []).Select(f => new Uri(f)).ToArray();
            sites.Add(new Site(reader.GetInt64(0), reader.GetString(1), new Uri(reader.GetString(2)), feeds,
                StoredTime.Parse(reader.GetString(4)) ?? default, reader.IsDBNull(5) ? null : ReadProfile(reader.GetString(1), reader.GetString(5))));
        }
        return sites;
    }

    /// <summary>Profiles are validated before they are stored; one edited by hand since is reported, not ignored.</summary>
    private static SiteProfile ReadProfile(string site, string json)
    {
        try
        {
            return SiteProfileJson.Parse(json);
        }
        catch (SiteProfileException ex)
        {
            throw new ArchiveException($"the stored profile of site '{site}' is invalid: {ex.Message} (replace it with 'newsarchive sites profile {site} FILE')", isUserError: true);
        }
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void EnsureLooksLikeSqlite(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (stream.Length == 0)
            {
                return;
            }
            Span<byte> header = stackalloc byte[16];
            if (stream.ReadAtLeast(header, 16, throwOnEndOfStream: false) < 16 || !header.SequenceEqual(SqliteMagic))
            {
                throw new ArchiveException($"{path} is not a NewsArchive archive (not an SQLite database)", isUserError: true);
            }
        }
        catch (IOException ex)
        {
            throw new ArchiveException($"cannot read {path}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ArchiveException($"cannot read {path}: permission denied", ex);
        }
    }

    private static void EnsureIsArchive(SqliteConnection connection, string path)
    {
        if (ArchiveSchema.ReadVersion(connection) > 0)
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            throw new ArchiveException($"{path} is an SQLite database but not a NewsArchive archive", isUserError: true);
        }
    }

    private static string DescribeSqliteError(SqliteException ex, string path) => ex.SqliteErrorCode switch
    {
        5 or 6 => $"the archive {path} is locked by another process",
        8 => $"the archive {path} is read-only",
        10 => $"I/O error on {path}",
        11 or 26 => $"{path} is not a NewsArchive archive or is damaged",
        13 => $"the disk holding {path} is full",
        14 when !File.Exists(path + "-shm") => $"cannot open {path}: the -wal and -shm files beside it cannot be created (is its directory read-only?)",
        14 => $"cannot open {path}",
        _ => $"cannot open {path}: {ex.Message}",
    };
}
