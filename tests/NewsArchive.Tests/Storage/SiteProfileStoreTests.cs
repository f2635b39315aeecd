using Microsoft.Data.Sqlite;
using NewsArchive.Sites;
using NewsArchive.Storage;

namespace NewsArchive.Tests.Storage;

/// <summary>A site's profile is kept in the sites table as normalised JSON and read back whole.</summary>
public sealed class SiteProfileStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(3));
    private readonly TempArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    private static readonly SiteProfile Profile = SiteProfileJson.Parse("""
        {"title": ".news-detail h1", "date": {"selector": ".news-date-time", "format": "dd.MM.yyyy HH:mm"}, "drop": [".share-block"],
         "related": {"container": ".news-related", "date": ".news-date-time"}, "listing_items": ".news-item a"}
        """);

    [Fact]
    public void AddSite_WithProfile_ReadsItBackInListAndFind()
    {
        using (var store = ArchiveStore.Open(_archive.Path))
        {
            store.AddSite("abreview", new Uri("https://abreview.ru/ab/news/"), [], Now, Profile);
            store.AddSite("autostat", new Uri("https://autostat.ru/news/"), [], Now);
        }
        using var reopened = ArchiveStore.Open(_archive.Path);

        var found = reopened.FindSite("abreview")!.Profile!;
        Assert.Equal(SiteProfileJson.Write(Profile), SiteProfileJson.Write(found));
        Assert.Equal(Profile.Date, found.Date);
        Assert.Null(reopened.FindSite("autostat")!.Profile);
        Assert.Equal([true, false], reopened.ListSites().Select(s => s.Profile is not null));
    }

    [Fact]
    public void SetSiteProfile_AttachAndClear_UnknownSiteIsFalse()
    {
        using var store = ArchiveStore.Open(_archive.Path);
        store.AddSite("abreview", new Uri("https://abreview.ru/ab/news/"), [], Now);

        Assert.True(store.SetSiteProfile("abreview", Profile));
        Assert.Equal(".news-item a", store.FindSite("abreview")!.Profile!.ListingItems);
        Assert.True(store.SetSiteProfile("abreview", null));
        Assert.Null(store.FindSite("abreview")!.Profile);
        Assert.False(store.SetSiteProfile("nosuch", Profile));
    }

    [Fact]
    public void FindSite_ProfileBrokenByHand_IsAUserErrorNamingTheSite()
    {
        using (var store = ArchiveStore.Open(_archive.Path))
        {
            store.AddSite("abreview", new Uri("https://abreview.ru/ab/news/"), [], Now, Profile);
        }
        using (var connection = new SqliteConnection($"Data Source={_archive.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE sites SET profile = '{\"titel\": \"h1\"}'";
            command.ExecuteNonQuery();
        }
        using var reopened = ArchiveStore.Open(_archive.Path);

        var error = Assert.Throws<ArchiveException>(() => reopened.FindSite("abreview"));
        Assert.True(error.IsUserError);
        Assert.Contains("stored profile of site 'abreview' is invalid: unknown field 'titel'", error.Message, StringComparison.Ordinal);
    }
}
