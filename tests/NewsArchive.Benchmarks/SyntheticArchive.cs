using System.Diagnostics;
using System.Globalization;
using NewsArchive.Crawling;
using NewsArchive.Parsing;
using NewsArchive.Storage;

namespace NewsArchive.Benchmarks;

/// <summary>
/// Generates an archive of synthetic articles through <see cref="ArchiveStore.StoreArticles"/>: the code every
/// fetched page goes through (<see cref="ArchiveStore.StoreArticle"/>), 1,000 articles per transaction; triggers
/// keep the stemmed index and SimHash. So the
/// result has exactly the schema, indexes and data shapes a real archive has: five sites of different
/// sizes, publication dates spread evenly over eight years (Moscow time), one or two authors, views and
/// comments, three "Новости по теме" links to earlier articles of the same site and a tag link each.
/// Source bytes are not stored (the query benchmarks do not read them; the store benchmark measures them).
/// </summary>
public static class SyntheticArchive
{
    private const int BatchSize = 1000;

    public static readonly DateTimeOffset FirstDay = new(2018, 1, 1, 8, 0, 0, TimeSpan.FromHours(3));
    public static readonly DateTimeOffset LastDay = new(2026, 3, 1, 20, 0, 0, TimeSpan.FromHours(3));

    /// <summary>Sites and their share of the articles.</summary>
    public static readonly (string Name, int Weight)[] Sites =
        [("abreview", 30), ("autostat", 25), ("autonews", 20), ("asroad", 15), ("kolesa", 10)];

    private static readonly string[] Tags =
        ["Электромобили", "Лизинг", "Утильсбор", "Рынок", "Дилеры", "Грузовики", "Автобусы", "Импорт", "Локализация", "Кредиты",
         "Запчасти", "Сервис", "Цены", "Статистика", "Производство", "Экспорт", "Такси", "Каршеринг", "Шины", "Страхование"];

    private static readonly string[] Surnames =
        ["Морозов", "Иванов", "Петрова", "Смирнов", "Кузнецова", "Попов", "Васильева", "Соколов", "Михайлова", "Новиков",
         "Федоров", "Волкова", "Алексеев", "Лебедева", "Семенов", "Егорова", "Павлов", "Козлова", "Степанов", "Николаева"];

    private static readonly string[] Names = ["Алексей", "Мария", "Дмитрий", "Елена", "Сергей", "Анна", "Игорь", "Ольга"];

    /// <summary>Yields the URL of article <paramref name="id"/> (0-based, in generation order).</summary>
    public static Uri UrlOf(string site, int id, DateTimeOffset published) =>
        new(string.Create(CultureInfo.InvariantCulture, $"https://www.{site}.ru/news/{published:yyyy}/{published:MM}/{id}/"));

    public static void Generate(string path, int count, TextWriter progress)
    {
        if (File.Exists(path))
        {
            throw new IOException($"{path} exists: generate-archive writes a new archive");
        }
        var text = new SyntheticText(seed: 20260312);
        using var store = ArchiveStore.Open(path);
        var siteIds = AddSites(store);
        var clock = Stopwatch.StartNew();
        var batch = new List<ArticleToStore>(BatchSize);
        var stored = 0;
        foreach (var article in Articles(text, siteIds, count))
        {
            batch.Add(article);
            if (batch.Count == BatchSize)
            {
                store.StoreArticles(batch);
                batch.Clear();
            }
            if (++stored % 50_000 == 0)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{stored} articles, {clock.Elapsed.TotalSeconds:F0} s, {stored / clock.Elapsed.TotalSeconds:F0} articles/s"));
            }
        }
        if (batch.Count > 0)
        {
            store.StoreArticles(batch);
        }
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} articles in {clock.Elapsed.TotalSeconds:F1} s ({count / clock.Elapsed.TotalSeconds:F0} articles/s), vocabulary {text.VocabularySize} words"));
    }

    /// <summary>The five sites of <see cref="Sites"/>, added to a new archive; their ids in the same order.</summary>
    public static long[] AddSites(ArchiveStore store) =>
        Sites.Select(s => store.AddSite(s.Name, new Uri($"https://www.{s.Name}.ru/news/"), [], FirstDay).Id).ToArray();

    /// <summary>The <paramref name="count"/> articles of a generated archive in order, as the crawler would hand them to the store.</summary>
    public static IEnumerable<ArticleToStore> Articles(SyntheticText text, long[] siteIds, int count)
    {
        var totalWeight = Sites.Sum(s => s.Weight);
        var recent = Sites.Select(_ => new List<Uri>()).ToArray();
        var span = (LastDay - FirstDay).Ticks;
        for (var id = 0; id < count; id++)
        {
            var pick = text.Next(totalWeight);
            var site = 0;
            while (pick >= Sites[site].Weight)
            {
                pick -= Sites[site].Weight;
                site++;
            }
            var published = FirstDay.AddTicks(span / count * id).AddMinutes(text.Next(60));
            var url = UrlOf(Sites[site].Name, id, published);
            var links = new List<PageLink>(4);
            var earlier = recent[site];
            for (var r = 0; r < 3 && earlier.Count > 0; r++)
            {
                // Mostly the last few articles of the site (a story thread), sometimes an older one.
                var back = text.NextDouble() < 0.8 ? 1 + text.Next(Math.Min(20, earlier.Count)) : 1 + text.Next(earlier.Count);
                var target = earlier[^back];
                links.Add(new PageLink(target, LinkKind.Related, "Новости по теме", null, "Новости по теме:"));
            }
            var tag = Tags[text.Next(Tags.Length)];
            links.Add(new PageLink(new Uri($"https://www.{Sites[site].Name}.ru/tags/{Uri.EscapeDataString(tag.ToLowerInvariant())}/"), LinkKind.Tag, tag, null, null));
            var authors = text.Next(10) switch
            {
                0 => Array.Empty<string>(),
                1 => [Author(text), Author(text)],
                _ => [Author(text)],
            };
            var page = new ParsedPage
            {
                Url = url,
                Kind = PageKind.Article,
                Title = text.Title(id),
                Body = text.Body(id),
                Published = published,
                PublishedSource = DateSource.Meta,
                Authors = authors,
                Views = (int)Math.Min(int.MaxValue, Math.Exp(4 + text.NextDouble() * 6)),
                Comments = text.Next(4) == 0 ? text.Next(50) : 0,
                Links = links,
            };
            var fetchedAt = published.AddHours(2);
            var fetch = new FetchRecord(siteIds[site], url, url, fetchedAt, 200, "ok", null, "text/html; charset=utf-8", null, null, null);
            yield return new ArticleToStore(siteIds[site], UrlNormalizer.NormalizeString(url), page, fetch);
            earlier.Add(url);
            if (earlier.Count > 4000)
            {
                earlier.RemoveRange(0, 2000);
            }
        }
    }

    private static string Author(SyntheticText text) => $"{Names[text.Next(Names.Length)]} {Surnames[text.Next(Surnames.Length)]}";
}
