using Microsoft.Data.Sqlite;

namespace NewsArchive.Storage;

/// <summary>
/// SQL functions the schema's triggers call, registered on every connection the store opens, so that every
/// write to articles (from any code path) keeps the stemmed index and the SimHash current. A tool that
/// opens the file without them can read it but not change articles, which is as intended.
/// </summary>
internal static class ArchiveFunctions
{
    public static void Register(SqliteConnection connection)
    {
        // One stemmer per connection: SQLite calls functions on the thread that runs the statement.
        var stemmer = new WordStemmer();
        connection.CreateFunction("newsarchive_stems", (string? text) => stemmer.StemText(text), isDeterministic: true);
        connection.CreateFunction("newsarchive_simhash", (string? text) => SimHash.Compute(text), isDeterministic: true);
        connection.CreateFunction("newsarchive_fold", (string? text) => text is null ? null : WordStemmer.Normalize(text), isDeterministic: true);
    }
}
