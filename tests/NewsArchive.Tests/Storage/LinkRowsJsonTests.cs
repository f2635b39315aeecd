using Microsoft.Data.Sqlite;
using NewsArchive.Crawling;
using NewsArchive.Parsing;
using NewsArchive.Storage;

namespace NewsArchive.Tests.Storage;

/// <summary>Link rows go to SQLite as one JSON parameter: every column must arrive as binding it alone would have stored it.</summary>
public sealed class LinkRowsJsonTests : IDisposable
{
    private readonly TempArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void StoreArticle_LinksWithQuotesNullsAndALoneSurrogate_StoresEveryColumnAsGiven()
    {
        var published = new DateTimeOffset(2026, 3, 11, 9, 30, 0, TimeSpan.FromHours(3));
        var url = new Uri("https://s.ru/news/a/");
        PageLink[] links =
        [
            new(new Uri("https://s.ru/news/b/"), LinkKind.Related, "«Лада» — \"Веста\" \\ спорт\n", published, "Новости по теме:"),
            new(new Uri("https://s.ru/tags/%D0%BB%D0%B8%D0%B7%D0%B8%D0%BD%D0%B3/"), LinkKind.Tag, null, null, null),
            new(new Uri("https://s.ru/news/c/"), LinkKind.Sidebar, "обрыв \uD83D", null, "Популярное"),
            new(new Uri("https://s.ru/news/b/"), LinkKind.Related, "повтор", null, null),
        ];
        using (var store = ArchiveStore.Open(_archive.Path))
        {
            var site = store.AddSite("s", new Uri("https://s.ru/news/"), [], published);
            store.StoreArticle(site.Id, UrlNormalizer.NormalizeString(url), new ParsedPage { Url = url, Title = "А", Body = "Текст.", Links = links },
                new FetchRecord(site.Id, url, url, published, 200, "ok", null, "text/html", null, null, null));
        }

        using var connection = new SqliteConnection($"Data Source={_archive.Path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT to_key, to_url, kind, anchor, heading, published FROM links ORDER BY to_url";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string, string, string?, string?, string?)>();
        while (reader.Read())
        {
            string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(3), Text(4), Text(5)));
        }
        // The repeated target and kind keeps its first row; the lone surrogate becomes U+FFFD, as a bound parameter's would.
        Assert.Equal(
        [
            (UrlNormalizer.NormalizeString(links[0].Url), "https://s.ru/news/b/", "related", "«Лада» — \"Веста\" \\ спорт\n", "Новости по теме:", StoredTime.Format(published)),
            (UrlNormalizer.NormalizeString(links[2].Url), "https://s.ru/news/c/", "sidebar", "обрыв \uFFFD", "Популярное", null),
            (UrlNormalizer.NormalizeString(links[1].Url), links[1].Url.AbsoluteUri, "tag", null, null, null),
        ], rows);
    }
}
