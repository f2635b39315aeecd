using System.Globalization;
using System.Text;

namespace NewsArchive.Storage;

/// <summary>Listing and searching: one SQL statement per query, built from fixed fragments and parameters.</summary>
public sealed partial class ArchiveStore
{
    private const string InlinkCount = """
        (SELECT count(DISTINCT l.from_key) FROM links l
         WHERE l.to_key = a.url_key AND l.kind IN ('related', 'body') AND l.from_key <> a.url_key)
        """;

    /// <summary>
    /// Articles matching the filters, streamed. With <see cref="ArticleQuery.Text"/> the search runs over
    /// stemmed titles and bodies and each article carries a snippet of its original body.
    /// </summary>
    public IEnumerable<StoredArticle> QueryArticles(ArticleQuery query)
    {
        // The stemmer (Lucene) is loaded only for a search: a plain list starts faster without it.
        var stemmer = string.IsNullOrWhiteSpace(query.Text) ? null : new WordStemmer();
        SearchQuery? search = stemmer is null ? null : new SearchQueryParser(stemmer).Parse(query.Text!);
        var sort = query.Sort switch
        {
            ArticleSort.Default => search is null ? ArticleSort.Date : ArticleSort.Relevance,
            ArticleSort.Relevance when search is null => throw new ArchiveException("sorting by relevance needs a search query", isUserError: true),
            _ => query.Sort,
        };
        var parameters = new List<(string, object)>();
        var filters = new StringBuilder();
        AppendFilters(filters, parameters, query);
        var inlinks = sort == ArticleSort.Inlinks || query.IncludeInlinks ? InlinkCount : "NULL";
        var order = sort switch
        {
            ArticleSort.Relevance => " ORDER BY bm25(articles_fts, 5.0, 1.0), coalesce(a.published_utc, a.first_stored) DESC, a.id DESC",
            ArticleSort.Views => " ORDER BY a.views IS NULL, a.views DESC, coalesce(a.published_utc, a.first_stored) DESC, a.id DESC",
            ArticleSort.Inlinks => $" ORDER BY {InlinkCount} DESC, coalesce(a.published_utc, a.first_stored) DESC, a.id DESC",
            _ => " ORDER BY coalesce(a.published_utc, a.first_stored) DESC, a.id DESC",
        };
        var limit = "";
        if (query.Limit is { } rows)
        {
            limit = " LIMIT $limit";
            parameters.Add(("$limit", rows));
        }
        // When SQLite must sort, the ids are found first, in order, reading only indexes and sort keys (migration 4
        // indexes the day filters and the newest-first order), and then each article returned is read: no sort ever
        // holds whole rows (bodies), so a LIMIT reads that many articles and a large export stays in flat memory.
        if (search is null)
        {
            var idQuery = $"SELECT a.id FROM articles a WHERE 1 = 1{filters}{order}{limit}";
            if (SortsRows(idQuery, parameters))
            {
                var ids = Stream(idQuery, parameters, reader => reader.GetInt64(0));
                return ReadArticlesById(ids, inlinks, query.IncludeBody);
            }
            // An index gives the order: one statement reads the rows as it walks it, which streams fastest.
            return ReadArticles($"""
                SELECT a.id, a.url, s.name, a.title, a.lead, a.published, a.published_source, a.modified, a.authors,
                       a.views, a.comments, {(query.IncludeBody ? "a.body" : "NULL")}, a.first_stored, a.last_fetched, NULL, {inlinks},
                       {(query.IncludeBody ? "a.body_html" : "NULL")}
                FROM articles a LEFT JOIN sites s ON s.id = a.site_id
                WHERE 1 = 1{filters}{order}{limit}
                """, parameters);
        }
        parameters.Add(("$text", search.Fts5));
        var ranking = $"""
            SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH $text{filters}{order}{limit}
            """;
        if (sort == ArticleSort.Relevance && filters.Length == 0 && query.Limit is { } top)
        {
            if (MatchesMoreThan(search, query.RankedMatches))
            {
                // FTS5 scores every match before a LIMIT applies (its bm25 also walks the whole doclist for the word's
                // frequency): a word in most of the archive took a second. Past RankedMatches matches, the most
                // recently archived come first, read from the end of the doclist (a word that common scores almost
                // nothing in bm25 anyway: its IDF is clamped to nearly zero).
                ranking = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH $text ORDER BY rowid DESC LIMIT $limit";
            }
            else
            {
                // Ranked by score alone first: only the hits that tie with or beat the last one kept are read from
                // articles for the date that breaks ties. Same rows, same order; the hits are not all looked up.
                ranking = """
                    WITH hits AS MATERIALIZED (
                        SELECT rowid AS id, bm25(articles_fts, 5.0, 1.0) AS score FROM articles_fts WHERE articles_fts MATCH $text),
                    cut AS (SELECT score FROM hits ORDER BY score LIMIT 1 OFFSET $offset)
                    SELECT a.id FROM hits JOIN articles a ON a.id = hits.id
                    WHERE hits.score <= coalesce((SELECT score FROM cut), 1e308)
                    ORDER BY hits.score, coalesce(a.published_utc, a.first_stored) DESC, a.id DESC LIMIT $limit
                    """;
                parameters.Add(("$offset", top - 1));
            }
        }
        var hits = Stream(ranking, parameters, reader => reader.GetInt64(0), isSearch: true);
        // The body is read for snippets even when the caller does not want it back.
        return ReadArticlesById(hits, inlinks, includeBody: true).Select(a => a with
        {
            Snippet = SnippetBuilder.Build(a.Body, search.Terms, stemmer!),
            Body = query.IncludeBody ? a.Body : null,
        });
    }

    /// <summary>The filters as SQL conditions on the article <c>a</c> ("" when there are none) and their parameters.</summary>
    private (string Sql, List<(string, object)> Parameters) Filters(ArticleQuery? query)
    {
        var sql = new StringBuilder();
        var parameters = new List<(string, object)>();
        if (query is not null)
        {
            AppendFilters(sql, parameters, query);
        }
        return (sql.ToString(), parameters);
    }

    /// <summary>
    /// Whether <see cref="QueryArticles"/> gives this search's results most recently archived first rather than by
    /// relevance: a limited search without filters that matches more than <see cref="ArticleQuery.RankedMatches"/> articles.
    /// </summary>
    public bool ListsNewestInsteadOfRanking(ArticleQuery query)
    {
        if (string.IsNullOrWhiteSpace(query.Text) || query.Limit is null || query.Sort is not (ArticleSort.Default or ArticleSort.Relevance))
        {
            return false;
        }
        var filters = new StringBuilder();
        AppendFilters(filters, [], query);
        return filters.Length == 0 && MatchesMoreThan(new SearchQueryParser(new WordStemmer()).Parse(query.Text), query.RankedMatches);
    }

    /// <summary>Whether more than <paramref name="count"/> articles match; reads at most that many entries of the index.</summary>
    private bool MatchesMoreThan(SearchQuery search, int count)
    {
        lock (_gate)
        {
            using var command = Command("SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH $text LIMIT $count)");
            command.Parameters.AddWithValue("$text", search.Fts5);
            command.Parameters.AddWithValue("$count", count + 1L);
            try
            {
                return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > count;
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.SqliteErrorCode == 1)
            {
                throw new ArchiveException(CleanFtsError(ex.Message), ex, isUserError: true);
            }
        }
    }

    /// <summary>Whether SQLite sorts the query's rows itself (its plan has a temporary B-tree for the ORDER BY) rather than walking an index in order.</summary>
    private bool SortsRows(string sql, IReadOnlyList<(string Name, object Value)> parameters)
    {
        lock (_gate)
        {
            using var command = Command("EXPLAIN QUERY PLAN " + sql);
            AddParameters(command, parameters);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (reader.GetString(3).Contains("ORDER BY", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>
    /// The WHERE conditions every query command shares, each starting with AND; the article is <c>a</c>. A site name
    /// the archive does not know is an error, not an empty result: it is almost always a typo.
    /// </summary>
    private void AppendFilters(StringBuilder sql, List<(string, object)> parameters, ArticleQuery query)
    {
        if (query.Sites.FirstOrDefault(name => FindSite(name) is null) is { } unknown)
        {
            throw new ArchiveException($"no site named '{unknown}' (see 'newsarchive sites list')", isUserError: true);
        }
        if (query.Sites.Count > 0)
        {
            var names = new List<string>();
            for (var i = 0; i < query.Sites.Count; i++)
            {
                names.Add($"$site{i}");
                parameters.Add(($"$site{i}", query.Sites[i]));
            }
            // By site id, so that the per-site day index applies; sites.name compares without case.
            sql.Append($" AND a.site_id IN (SELECT id FROM sites WHERE name IN ({string.Join(", ", names)}))");
        }
        // A range open on one side is closed with the first or last possible day (every stored day lies between):
        // SQLite, which keeps no statistics of the days, reads a closed range through the day index but guesses an
        // open one to hold most of the archive and walks the newest-first order instead, reading every article to
        // test its day: «--from 2026-03-01» then read the whole archive.
        if (query.From is not null || query.To is not null)
        {
            sql.Append(" AND substr(a.published, 1, 10) >= $from AND substr(a.published, 1, 10) <= $to");
            parameters.Add(("$from", query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "0000-01-01"));
            parameters.Add(("$to", query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "9999-12-31"));
        }
        if (!string.IsNullOrWhiteSpace(query.Author))
        {
            // SQLite's own lower() knows only ASCII; newsarchive_fold lower-cases Cyrillic too.
            sql.Append(" AND EXISTS (SELECT 1 FROM json_each(a.authors) j WHERE instr(newsarchive_fold(j.value), $author) > 0)");
            parameters.Add(("$author", WordStemmer.Normalize(query.Author.Trim())));
        }
        if (query.Tags.Count > 0)
        {
            var names = new List<string>();
            for (var i = 0; i < query.Tags.Count; i++)
            {
                names.Add($"$tag{i}");
                parameters.Add(($"$tag{i}", WordStemmer.Normalize(query.Tags[i].Trim())));
            }
            sql.Append($" AND EXISTS (SELECT 1 FROM links t WHERE t.from_key = a.url_key AND t.kind = 'tag' AND newsarchive_fold(trim(t.anchor)) IN ({string.Join(", ", names)}))");
        }
        if (query.MinViews is { } minViews)
        {
            sql.Append(" AND a.views >= $minViews");
            parameters.Add(("$minViews", minViews));
        }
    }
}
