using Microsoft.Data.Sqlite;
using NewsArchive.Storage;

namespace NewsArchive.Tests.Storage;

/// <summary>Archives written by schema 1 (its DDL copied here as released) and by schemas 4 and 6 are upgraded in place, every row kept.</summary>
public sealed class MigrationTests : IDisposable
{
    private const string SchemaV1 =
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
        """;

    private readonly TempArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void Open_Version1Archive_UpgradesInPlaceKeepingEveryRow()
    {
        using (var connection = new SqliteConnection($"Data Source={_archive.Path};Pooling=False"))
        {
            connection.Open();
            Execute(connection, SchemaV1 + "\nPRAGMA user_version = 1;");
            Execute(connection, """
                INSERT INTO sites(id, name, start_url, feeds, added_at) VALUES (1, 'abreview', 'https://abreview.ru/ab/news/', '[]', '2026-03-01T10:00:00+03:00');
                INSERT INTO frontier(url_key, fetch_url, site_id, source, discovered_at) VALUES ('abreview.ru/ab/news/c', 'https://abreview.ru/ab/news/c/', 1, 'listing', '2026-03-01T10:00:00+03:00');
                INSERT INTO sources(hash, content_type, raw_size, compressed) VALUES ('h1', 'text/html', 3, x'00');
                INSERT INTO fetches(site_id, url, fetched_at, status, outcome, source_hash) VALUES (1, 'https://abreview.ru/ab/news/a/', '2026-03-01T10:00:00+03:00', 200, 'ok', 'h1');
                INSERT INTO articles(id, url_key, url, site_id, title, body, published, published_utc, authors, views, comments, source_hash, first_stored, last_fetched)
                VALUES (1, 'abreview.ru/ab/news/a', 'https://abreview.ru/ab/news/a/', 1, 'Продажи электромобилей выросли', 'Дилеры продали больше электромобилей, чем год назад.',
                        '2026-03-01T09:00:00+03:00', '2026-03-01T06:00:00+00:00', '["Иван Петров"]', 100, 2, 'h1', '2026-03-01T10:00:00+03:00', '2026-03-01T10:00:00+03:00'),
                       (2, 'abreview.ru/ab/news/b', 'https://abreview.ru/ab/news/b/', 1, 'Лизинг грузовиков', 'Рынок лизинга грузовиков сократился.',
                        '2026-03-02T09:00:00+03:00', '2026-03-02T06:00:00+00:00', '[]', NULL, NULL, NULL, '2026-03-02T10:00:00+03:00', '2026-03-02T10:00:00+03:00');
                INSERT INTO links(from_key, to_key, to_url, kind, anchor, published) VALUES ('abreview.ru/ab/news/a', 'abreview.ru/ab/news/b', 'https://abreview.ru/ab/news/b/', 'related', 'Лизинг грузовиков', '2026-03-02T09:00:00+03:00');
                INSERT INTO counters(article_id, read_at, views, comments) VALUES (1, '2026-03-01T10:00:00+03:00', 100, 2);
                """);
        }
        var before = CountRows();

        using (var store = ArchiveStore.Open(_archive.Path))
        {
            Assert.Equal(["Продажи электромобилей выросли"], store.QueryArticles(new ArticleQuery { Text = "электромобиль" }).Select(a => a.Title));
            Assert.Equal(["Лизинг грузовиков"], store.QueryArticles(new ArticleQuery { Text = "грузовик" }).Select(a => a.Title));
            Assert.Equal(["Продажи электромобилей выросли"], store.QueryArticles(new ArticleQuery { Text = "дилер" }).Select(a => a.Title));
            Assert.Equal(["Продажи электромобилей выросли"], store.QueryArticles(new ArticleQuery { Author = "петров" }).Select(a => a.Title));
            var article = store.FindArticle("1")!;
            Assert.Equal(100, article.Views);
            Assert.Single(store.GetLinks(1, LinkDirection.Out, ["related"]));
            Assert.Single(store.GetCounterReadings(1));
            Assert.Single(store.GetVersions(1));
        }

        Assert.Equal(before, CountRows());
        using var check = new SqliteConnection($"Data Source={_archive.Path};Mode=ReadOnly;Pooling=False");
        check.Open();
        Assert.Equal(ArchiveSchema.CurrentVersion, ArchiveSchema.ReadVersion(check));
    }

    [Fact]
    public void Open_Version1Archive_NewArticlesAreIndexedByTheNewTriggers()
    {
        using (var connection = new SqliteConnection($"Data Source={_archive.Path};Pooling=False"))
        {
            connection.Open();
            Execute(connection, SchemaV1 + "\nPRAGMA user_version = 1;");
        }
        using var store = ArchiveStore.Open(_archive.Path);
        var site = store.AddSite("s", new Uri("https://s.ru/news/"), [], DateTimeOffset.Parse("2026-03-01T10:00:00+03:00", System.Globalization.CultureInfo.InvariantCulture));
        var url = new Uri("https://s.ru/news/a/");
        store.StoreArticle(site.Id, NewsArchive.Crawling.UrlNormalizer.NormalizeString(url), new NewsArchive.Parsing.ParsedPage { Url = url, Title = "Дилерам", Body = "Текст." },
            new FetchRecord(site.Id, url, url, site.AddedAt, 200, "ok", null, "text/html", "<html></html>"u8.ToArray(), null, null));
        Assert.Single(store.QueryArticles(new ArticleQuery { Text = "дилер" }));
    }

    [Fact]
    public void Open_Version1Archive_OldArticlesHaveNoBodyHtmlAndNewOnesKeepIt()
    {
        using (var connection = new SqliteConnection($"Data Source={_archive.Path};Pooling=False"))
        {
            connection.Open();
            Execute(connection, SchemaV1 + "\nPRAGMA user_version = 1;");
            Execute(connection, """
                INSERT INTO sites(id, name, start_url, feeds, added_at) VALUES (1, 's', 'https://s.ru/news/', '[]', '2026-03-01T10:00:00+03:00');
                INSERT INTO articles(id, url_key, url, site_id, title, body, authors, first_stored, last_fetched)
                VALUES (1, 's.ru/news/old', 'https://s.ru/news/old/', 1, 'Старая', 'Старый текст.', '[]', '2026-03-01T10:00:00+03:00', '2026-03-01T10:00:00+03:00');
                """);
        }
        using var store = ArchiveStore.Open(_archive.Path);
        Assert.Null(store.FindArticle("1")!.BodyHtml);
        Assert.Null(store.FindSite("s")!.Profile);

        var site = store.FindSite("s")!;
        var url = new Uri("https://s.ru/news/new/");
        var key = NewsArchive.Crawling.UrlNormalizer.NormalizeString(url);
        var fetch = new FetchRecord(site.Id, url, url, site.AddedAt, 200, "ok", null, "text/html", "<html></html>"u8.ToArray(), null, null);
        var id = store.StoreArticle(site.Id, key, new NewsArchive.Parsing.ParsedPage { Url = url, Title = "Новая", Body = "Текст.", BodyHtml = "<p>Текст.</p>" }, fetch);
        Assert.Equal("<p>Текст.</p>", store.FindArticle(id.ToString(System.Globalization.CultureInfo.InvariantCulture))!.BodyHtml);

        // A re-fetch that parsed empty keeps the stored HTML, as it keeps the text.
        store.StoreArticle(site.Id, key, new NewsArchive.Parsing.ParsedPage { Url = url }, fetch);
        Assert.Equal("<p>Текст.</p>", store.FindArticle(id.ToString(System.Globalization.CultureInfo.InvariantCulture))!.BodyHtml);
    }

    [Fact]
    public void Open_Version4Archive_UpgradesInPlaceAndFindsExactDuplicatesItHeld()
    {
        var body = FixtureArchive.PressRelease("Подробности на сайте компании.");
        using (var connection = new SqliteConnection($"Data Source={_archive.Path};Pooling=False"))
        {
            connection.Open();
            ArchiveFunctions.Register(connection);
            ArchiveSchema.Migrate(connection, targetVersion: 4);
            Assert.Equal(4, ArchiveSchema.ReadVersion(connection));
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO sites(id, name, start_url, feeds, added_at) VALUES (1, 'a', 'https://a.ru/news/', '[]', '2026-03-01T10:00:00+03:00'),
                                                                            (2, 'b', 'https://b.ru/news/', '[]', '2026-03-01T10:00:00+03:00');
                INSERT INTO articles(id, url_key, url, site_id, title, body, published, published_utc, first_stored, last_fetched)
                VALUES (1, 'https://a.ru/news/haval/', 'https://a.ru/news/haval/', 1, 'Haval', $body,
                        '2026-03-01T09:00:00+03:00', '2026-03-01T06:00:00+00:00', '2026-03-01T10:00:00+03:00', '2026-03-01T10:00:00+03:00'),
                       (2, 'https://b.ru/news/repost/', 'https://b.ru/news/repost/', 2, 'Haval (репост)', $body,
                        '2026-03-02T09:00:00+03:00', '2026-03-02T06:00:00+00:00', '2026-03-02T10:00:00+03:00', '2026-03-02T10:00:00+03:00'),
                       (3, 'https://b.ru/news/copy/', 'https://a.ru/news/haval/', 2, 'Haval (копия)', 'Короткая заметка.',
                        '2026-03-02T09:00:00+03:00', '2026-03-02T06:00:00+00:00', '2026-03-02T10:00:00+03:00', '2026-03-02T10:00:00+03:00');
                INSERT INTO article_versions(article_id, title, body, seen_from, seen_until) VALUES (1, 'Haval', 'Старый текст.', '2026-03-01T08:00:00+03:00', '2026-03-01T10:00:00+03:00');
                INSERT INTO counters(article_id, read_at, views, comments) VALUES (1, '2026-03-01T10:00:00+03:00', 100, 2);
                """;
            insert.Parameters.AddWithValue("$body", body);
            insert.ExecuteNonQuery();
        }
        var before = CountRows("article_versions", "runs");

        using (var store = ArchiveStore.Open(_archive.Path))
        {
            Assert.Equal([(3L, DuplicateMatch.CanonicalUrl), (2L, DuplicateMatch.SameText)], store.FindDuplicates(1).Select(d => (d.Article.Id, d.Match)));
            Assert.Equal(2, store.QueryArticles(new ArticleQuery { Text = "кроссовер" }).Count());
            Assert.Equal(2, store.GetVersions(1).Count);
            Assert.Single(store.GetCounterReadings(1));
        }

        Assert.Equal(before, CountRows("article_versions", "runs"));
        using var check = new SqliteConnection($"Data Source={_archive.Path};Mode=ReadOnly;Pooling=False");
        check.Open();
        Assert.Equal(ArchiveSchema.CurrentVersion, ArchiveSchema.ReadVersion(check));
    }

    [Fact]
    public void Open_Version6Archive_SearchesTheSameAndIndexesNewArticlesAsItsInsertTriggerDid()
    {
        // Quotes, dashes, «ё» and a Roman numeral: the characters folding treats apart from plain letters.
        var body = FixtureArchive.PressRelease("Подробности — на сайте «Хавейла»: ЁЛКИ и Ⅻ век.");
        string[] queries = ["кроссовер", "\"нового кроссовера\"", "haval OR лизинг", "автомоб*", "дилер NOT лизинг", "елки", "xii"];
        var original = NewsArchive.Crawling.UrlNormalizer.NormalizeString(FixtureArchive.Url("a", "haval"));
        using (var connection = new SqliteConnection($"Data Source={_archive.Path};Pooling=False"))
        {
            connection.Open();
            ArchiveFunctions.Register(connection);
            ArchiveSchema.Migrate(connection, targetVersion: 6);
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO sites(id, name, start_url, feeds, added_at) VALUES (1, 'a', 'https://a.ru/news/', '[]', '2026-03-01T10:00:00+03:00');
                INSERT INTO articles(id, url_key, url, site_id, title, body, published, published_utc, first_stored, last_fetched)
                VALUES (1, $key, 'https://a.ru/news/haval/', 1, 'Haval начинает выпуск кроссовера', $body,
                        '2026-03-01T09:00:00+03:00', '2026-03-01T06:00:00+00:00', '2026-03-01T10:00:00+03:00', '2026-03-01T10:00:00+03:00'),
                       (2, 'a.ru/news/lizing', 'https://a.ru/news/lizing/', 1, 'Лизинг грузовиков', 'Рынок лизинга грузовиков сократился, дилеры ждут весны.',
                        '2026-03-02T09:00:00+03:00', '2026-03-02T06:00:00+00:00', '2026-03-02T10:00:00+03:00', '2026-03-02T10:00:00+03:00');
                """;
            insert.Parameters.AddWithValue("$body", body);
            insert.Parameters.AddWithValue("$key", original);
            insert.ExecuteNonQuery();
        }
        var before = queries.ToDictionary(q => q, Ranked);
        Assert.Equal([1L], before["кроссовер"]);
        Assert.Equal([1L], before["елки"]);

        using var store = ArchiveStore.Open(_archive.Path);
        Assert.Equal(before, queries.ToDictionary(q => q, Ranked));
        Assert.Equal([1L], store.QueryArticles(new ArticleQuery { Text = "кроссовер" }).Select(a => a.Id));

        // The same article stored now, under another URL naming the first as canonical: written by the store, not by the
        // trigger, it must get the same derived columns and the same full-text row.
        var copy = FixtureArchive.Url("b", "copy");
        var site = store.AddSite("b", new Uri("https://b.ru/news/"), [], FixtureArchive.Now);
        var page = new NewsArchive.Parsing.ParsedPage
        {
            Url = copy, CanonicalUrl = FixtureArchive.Url("a", "haval"), Title = "Haval начинает выпуск кроссовера", Body = body,
        };
        var id = store.StoreArticle(site.Id, NewsArchive.Crawling.UrlNormalizer.NormalizeString(copy), page,
            new FetchRecord(site.Id, copy, copy, FixtureArchive.Now, 200, "ok", null, "text/html", null, null, null));
        Assert.Equal(Derived(1), Derived(id) with { CanonicalKey = null });
        Assert.Equal(original, Derived(id).CanonicalKey);
        foreach (var query in queries)
        {
            Assert.Equal(before[query].Contains(1), Ranked(query).Contains(id));
        }
    }

    /// <summary>The articles a search finds, straight from the full-text index, best first.</summary>
    private long[] Ranked(string query)
    {
        using var connection = new SqliteConnection($"Data Source={_archive.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH $m ORDER BY bm25(articles_fts, 5.0, 1.0), rowid";
        command.Parameters.AddWithValue("$m", new SearchQueryParser(new WordStemmer()).Parse(query).Fts5);
        using var reader = command.ExecuteReader();
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(reader.GetInt64(0));
        }
        return [.. ids];
    }

    private (long? SimHash, long? BodyHash, string? CanonicalKey, string DocSize) Derived(long id)
    {
        using var connection = new SqliteConnection($"Data Source={_archive.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.simhash, a.body_hash, a.canonical_key, hex(d.sz) FROM articles a JOIN articles_fts_docsize d ON d.id = a.id WHERE a.id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3));
    }

    private Dictionary<string, long> CountRows(params string[] laterTables)
    {
        using var connection = new SqliteConnection($"Data Source={_archive.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var counts = new Dictionary<string, long>();
        foreach (var table in new[] { "sites", "frontier", "sources", "fetches", "articles", "links", "counters" }.Concat(laterTables))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table}";
            counts[table] = (long)command.ExecuteScalar()!;
        }
        return counts;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
