using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;
using NewsArchive.Crawling;
using NewsArchive.Parsing;
using NewsArchive.Storage;

namespace NewsArchive.Tests.Storage;

public sealed class ArchiveStoreSourcesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3));
    private readonly TempArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void CompactSources_FastAndUntaggedBlobs_AllCompactAndReadBack()
    {
        using var store = ArchiveStore.Open(_archive.Path);
        var site = store.AddSite("s", new Uri("https://s.ru/news/"), [], Now);
        var pages = Enumerable.Range(0, 20).Select(i => Html(i)).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            var url = new Uri($"https://s.ru/news/{i}/");
            store.StoreArticle(site.Id, UrlNormalizer.NormalizeString(url), new ParsedPage { Url = url, Kind = PageKind.Article, Title = "T", Body = "Текст." },
                new FetchRecord(site.Id, url, url, Now, 200, "ok", null, "text/html", pages[i], null, null));
        }
        var legacy = Encoding.UTF8.GetBytes("<html>written by an earlier version</html>");
        InsertUntagged(SourceCompression.Hash(legacy), legacy);

        var done = store.CompactSources();

        Assert.Equal(21, done.Sources);
        Assert.False(done.Stopped);
        Assert.Equal(0, Count("SELECT count(*) FROM sources WHERE substr(compressed, 1, 1) <> x'04'"));
        Assert.All(pages, page => Assert.Equal(page, store.ReadSource(SourceCompression.Hash(page))));
        Assert.Equal(legacy, store.ReadSource(SourceCompression.Hash(legacy)));
        Assert.Equal(0, store.CompactSources().Sources);
    }

    [Fact]
    public void CompactSources_Stopped_ChangesNothingAndSaysSo()
    {
        using var store = ArchiveStore.Open(_archive.Path);
        var legacy = Encoding.UTF8.GetBytes("<html>old</html>");
        InsertUntagged(SourceCompression.Hash(legacy), legacy);

        var done = store.CompactSources(new CancellationToken(canceled: true));

        Assert.True(done.Stopped);
        Assert.Equal(0, done.Sources);
        Assert.Equal(1, Count("SELECT count(*) FROM sources WHERE substr(compressed, 1, 1) <> x'04'"));
    }

    private static byte[] Html(int n) => Encoding.UTF8.GetBytes(
        $"<html><body><nav>Меню</nav><h1>Статья {n}</h1>" + string.Concat(Enumerable.Range(0, 50).Select(i => $"<p>Абзац {i} статьи {n}.</p>")) + "</body></html>");

    private void InsertUntagged(string hash, byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            brotli.Write(bytes);
        }
        using var connection = new SqliteConnection($"Data Source={_archive.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO sources(hash, content_type, raw_size, compressed) VALUES ($hash, 'text/html', $size, $data)";
        command.Parameters.AddWithValue("$hash", hash);
        command.Parameters.AddWithValue("$size", bytes.Length);
        command.Parameters.AddWithValue("$data", output.ToArray());
        command.ExecuteNonQuery();
    }

    private long Count(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_archive.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
