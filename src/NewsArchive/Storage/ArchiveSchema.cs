using Microsoft.Data.Sqlite;

namespace NewsArchive.Storage;

/// <summary>
/// The schema and its migrations, keyed by PRAGMA user_version. Migrations never lose data (migration 2 rebuilds
/// the full-text index, migrations 4 and 5 add or replace indexes and derived columns, 6 only adds columns, 7 drops a trigger). Triggers call the functions of <see cref="ArchiveFunctions"/>,
/// which must be registered on the connection before <see cref="Migrate"/>.
/// </summary>
internal static class ArchiveSchema
{
    public const int CurrentVersion = 7;

    private static readonly string[] Migrations =
    [
        // 1: the foundation schema.
        """
        CREATE TABLE sites (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            start_url TEXT NOT NULL,
            feeds TEXT NOT NULL DEFAULT '[]',
            added_at TEXT NOT NULL
        );
        CREATE TABLE frontier (
            url_key TEXT PRIMARY KEY,
            fetch_url TEXT NOT NULL,
            site_id INTEGER NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            feed_published TEXT,
            discovered_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT
        );
        CREATE INDEX frontier_pending ON frontier(state, site_id);
        CREATE TABLE sources (
            hash TEXT PRIMARY KEY,
            content_type TEXT,
            raw_size INTEGER NOT NULL,
            compressed BLOB NOT NULL
        );
        CREATE TABLE fetches (
            id INTEGER PRIMARY KEY,
            site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
            url TEXT NOT NULL,
            final_url TEXT,
            fetched_at TEXT NOT NULL,
            status INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            error TEXT,
            source_hash TEXT REFERENCES sources(hash),
            etag TEXT,
            last_modified TEXT
        );
        CREATE INDEX fetches_url ON fetches(url);
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            url_key TEXT NOT NULL UNIQUE,
            url TEXT NOT NULL,
            site_id INTEGER REFERENCES sites(id) ON DELETE SET NULL,
            title TEXT,
            lead TEXT,
            body TEXT NOT NULL,
            published TEXT,
            published_utc TEXT,
            published_source TEXT,
            modified TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            views INTEGER,
            comments INTEGER,
            source_hash TEXT REFERENCES sources(hash),
            first_stored TEXT NOT NULL,
            last_fetched TEXT NOT NULL
        );
        CREATE INDEX articles_site_published ON articles(site_id, published_utc);
        CREATE INDEX articles_published ON articles(published_utc);
        CREATE TABLE links (
            from_key TEXT NOT NULL,
            to_key TEXT NOT NULL,
            to_url TEXT NOT NULL,
            kind TEXT NOT NULL,
            anchor TEXT,
            heading TEXT,
            published TEXT,
            PRIMARY KEY (from_key, to_key, kind)
        ) WITHOUT ROWID;
        CREATE INDEX links_to ON links(to_key, kind);
        CREATE TABLE counters (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            read_at TEXT NOT NULL,
            views INTEGER,
            comments INTEGER
        );
        CREATE INDEX counters_article ON counters(article_id, read_at);
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
            INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
        END;
        """,

        // 2: the full-text index holds Snowball stems (contentless: snippets are cut from articles), old versions
        //    of edited articles are kept, and a SimHash of each body finds near-duplicates.
        """
        DROP TRIGGER articles_fts_insert;
        DROP TRIGGER articles_fts_delete;
        DROP TRIGGER articles_fts_update;
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
        );
        INSERT INTO articles_fts(rowid, title, body)
            SELECT id, newsarchive_stems(title), newsarchive_stems(body) FROM articles;
        ALTER TABLE articles ADD COLUMN simhash INTEGER;
        UPDATE articles SET simhash = newsarchive_simhash(body);
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, newsarchive_stems(new.title), newsarchive_stems(new.body));
            UPDATE articles SET simhash = newsarchive_simhash(new.body) WHERE id = new.id;
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            DELETE FROM articles_fts WHERE rowid = old.id;
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles
        WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
            DELETE FROM articles_fts WHERE rowid = old.id;
            INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, newsarchive_stems(new.title), newsarchive_stems(new.body));
            UPDATE articles SET simhash = newsarchive_simhash(new.body) WHERE id = new.id;
        END;
        CREATE TABLE article_versions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            title TEXT,
            lead TEXT,
            body TEXT NOT NULL,
            seen_from TEXT NOT NULL,
            seen_until TEXT NOT NULL
        );
        CREATE INDEX article_versions_article ON article_versions(article_id, id);
        CREATE INDEX articles_views ON articles(views);
        """,

        // 3: fetch runs, what each did per site, and the URLs that failed with their reasons.
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT NOT NULL DEFAULT 'running',
            options TEXT
        );
        CREATE TABLE run_sites (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            site_name TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL,
            discovered INTEGER NOT NULL DEFAULT 0,
            fetched INTEGER NOT NULL DEFAULT 0,
            stored INTEGER NOT NULL DEFAULT 0,
            revisited INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            undated INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            warnings TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (run_id, site_name)
        ) WITHOUT ROWID;
        CREATE TABLE run_failures (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            site_name TEXT NOT NULL,
            url TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX run_failures_run ON run_failures(run_id);
        """,

        // 4: indexes the queries can use. --from/--to compare the publication day as the site shows it,
        //    substr(published, 1, 10), overall and per site; list and export go newest first by
        //    coalesce(published_utc, first_stored), which the day indexes carry too so that a day range is sorted
        //    without reading the articles. The two indexes on published_utc served no query and
        //    only slowed every write, so they go (an index is derived data).
        """
        CREATE INDEX articles_site_day ON articles(site_id, substr(published, 1, 10), coalesce(published_utc, first_stored));
        CREATE INDEX articles_day ON articles(substr(published, 1, 10), coalesce(published_utc, first_stored));
        CREATE INDEX articles_newest ON articles(coalesce(published_utc, first_stored), id);
        DROP INDEX articles_site_published;
        DROP INDEX articles_published;
        """,

        // 5: exact duplicates. body_hash is a hash of the body's words (see BodyHash), canonical_key the URL key of the
        //    page's canonical URL where it differs from the article's own key (a copy whose canonical link names the
        //    original). Both are indexed, so `show` finds an article's exact duplicates without a scan. The insert
        //    trigger sets every derived column in one UPDATE, as before for the SimHash alone.
        """
        ALTER TABLE articles ADD COLUMN body_hash INTEGER;
        ALTER TABLE articles ADD COLUMN canonical_key TEXT;
        UPDATE articles SET body_hash = newsarchive_body_hash(body), canonical_key = nullif(newsarchive_url_key(url), url_key);
        CREATE INDEX articles_body_hash ON articles(body_hash) WHERE body_hash IS NOT NULL;
        CREATE INDEX articles_canonical_key ON articles(canonical_key) WHERE canonical_key IS NOT NULL;
        DROP TRIGGER articles_fts_insert;
        DROP TRIGGER articles_fts_update;
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, newsarchive_stems(new.title), newsarchive_stems(new.body));
            UPDATE articles SET simhash = newsarchive_simhash(new.body), body_hash = newsarchive_body_hash(new.body),
                canonical_key = nullif(newsarchive_url_key(new.url), new.url_key)
            WHERE id = new.id;
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles
        WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
            DELETE FROM articles_fts WHERE rowid = old.id;
            INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, newsarchive_stems(new.title), newsarchive_stems(new.body));
            UPDATE articles SET simhash = newsarchive_simhash(new.body), body_hash = newsarchive_body_hash(new.body) WHERE id = new.id;
        END;
        CREATE TRIGGER articles_canonical_update AFTER UPDATE OF url ON articles WHEN old.url IS NOT new.url BEGIN
            UPDATE articles SET canonical_key = nullif(newsarchive_url_key(new.url), new.url_key) WHERE id = new.id;
        END;
        """,

        // 6: the sanitised HTML of each body beside its text (NULL for articles stored before), and a site's
        //    optional profile of CSS selectors as the JSON the user gave (validated before it is stored).
        """
        ALTER TABLE articles ADD COLUMN body_html TEXT;
        ALTER TABLE sites ADD COLUMN profile TEXT;
        """,

        // 7: a new article's stems, SimHash, body hash and canonical key are written by the store with the row
        //    (ArchiveStore.InsertArticle, worked out before the write lock and on every core for a batch) instead of by
        //    an insert trigger calling the functions inside the transaction, which also rewrote the new row once more.
        //    Only the store inserts articles. Updates of title, body or url still go through the triggers.
        """
        DROP TRIGGER articles_fts_insert;
        """,
    ];

    /// <summary>Brings the database to <see cref="CurrentVersion"/> (tests: to an older version); each step in its own transaction.</summary>
    public static void Migrate(SqliteConnection connection, int targetVersion = CurrentVersion)
    {
        var version = ReadVersion(connection);
        if (version > CurrentVersion)
        {
            throw new ArchiveException(
                $"the archive was written by a newer NewsArchive (schema {version}, this version knows {CurrentVersion})", isUserError: true);
        }
        for (var next = version + 1; next <= targetVersion; next++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = Migrations[next - 1] + $"\nPRAGMA user_version = {next};";
                command.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    public static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
