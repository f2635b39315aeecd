using Microsoft.Data.Sqlite;

namespace NewsArchive.Storage;

/// <summary>
/// SQL functions the schema's triggers and migrations call, registered on every connection the store opens, so that
/// every change to an article's title, body or URL (from any code path) keeps the stemmed index, the SimHash, the body
/// hash and the canonical key current; a new article gets them from the store (<see cref="PreparedArticle"/>), with the
/// same code. A tool that opens the file without them can read it but not change articles, which is as intended.
/// </summary>
internal static class ArchiveFunctions
{
    public static void Register(SqliteConnection connection)
    {
        // One stemmer per connection: SQLite calls functions on the thread that runs the statement. Made on first use:
        // loading the stemmers (Lucene) is most of a read-only command's start-up, and only writes call this function.
        var stemmer = new Lazy<WordStemmer>(() => new WordStemmer(), LazyThreadSafetyMode.None);
        connection.CreateFunction("newsarchive_stems", (string? text) => stemmer.Value.StemText(text), isDeterministic: true);
        connection.CreateFunction("newsarchive_simhash", (string? text) => SimHash.Compute(text), isDeterministic: true);
        connection.CreateFunction("newsarchive_body_hash", (string? text) => BodyHash.Compute(text), isDeterministic: true);
        connection.CreateFunction("newsarchive_url_key", (string? url) => CanonicalKey(url), isDeterministic: true);
        connection.CreateFunction("newsarchive_fold", (string? text) => text is null ? null : WordStemmer.Normalize(text), isDeterministic: true);
    }

    /// <summary>The URL key of an absolute http(s) URL, as articles.url_key spells it; null for anything else.</summary>
    public static string? CanonicalKey(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" ? Crawling.UrlNormalizer.NormalizeString(parsed) : null;
}
