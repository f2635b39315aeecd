using NewsArchive.Parsing;
using NewsArchive.Sites;

namespace NewsArchive.Tests.Sites;

public sealed class SiteProfileJsonTests
{
    private const string Full = """
        {
          "title": ".news-detail h1",
          "date": { "selector": ".news-date-time", "format": "dd.MM.yyyy HH:mm" },
          "modified": ".news-updated",
          "body": ".news-detail-text",
          "drop": [".share-block", ".banner"],
          "related": { "container": ".news-related", "item": "a", "date": ".news-date-time" },
          "lists": [ { "kind": "sidebar", "container": ".sidebar-news" }, { "kind": "tag", "container": ".news-tags" } ],
          "authors": ".news-author",
          "tags": ".news-tag a",
          "views": ".news-views",
          "comments": ".news-comments-count",
          "listing_items": ".news-item a.news-item-title",
          "next_page": ".modern-page-next",
        }
        """;

    [Fact]
    public void Parse_EveryField_ReadsAndWritesBackTheSame()
    {
        var profile = SiteProfileJson.Parse(Full);

        Assert.Equal(".news-detail h1", profile.Title);
        Assert.Equal(new ProfileDate(".news-date-time", "dd.MM.yyyy HH:mm"), profile.Date);
        Assert.Equal(new ProfileDate(".news-updated"), profile.Modified);
        Assert.Equal([".share-block", ".banner"], profile.Drop);
        Assert.Equal(new ProfileLinkList(LinkKind.Related, ".news-related", "a", ".news-date-time"), profile.Related);
        Assert.Equal([new ProfileLinkList(LinkKind.Sidebar, ".sidebar-news"), new ProfileLinkList(LinkKind.Tag, ".news-tags")], profile.Lists);
        Assert.Equal(".news-item a.news-item-title", profile.ListingItems);
        Assert.Equal(".modern-page-next", profile.NextPage);
        Assert.Equal(SiteProfileJson.Write(profile), SiteProfileJson.Write(SiteProfileJson.Parse(SiteProfileJson.Write(profile))));
    }

    [Theory]
    [InlineData("{\"title\": \"h1\"", "invalid JSON")]
    [InlineData("[1, 2]", "a profile is a JSON object")]
    [InlineData("{\"titel\": \"h1\"}", "unknown field 'titel'")]
    [InlineData("{\"date\": {\"selector\": \".d\", \"fromat\": \"x\"}}", "unknown field 'date.fromat'")]
    [InlineData("{\"related\": {\"container\": \".r\", \"kind\": \"related\"}}", "unknown field 'related.kind'")]
    [InlineData("{\"body\": \"div[[\"}", "'body': 'div[[' is not a valid CSS selector")]
    [InlineData("{\"drop\": [\".ok\", \"p >> \"]}", "'drop': 'p >>' is not a valid CSS selector")]
    [InlineData("{\"title\": 5}", "'title' must be a CSS selector string")]
    [InlineData("{\"date\": {\"format\": \"dd.MM.yyyy\"}}", "'date.selector' is missing")]
    [InlineData("{\"date\": {\"selector\": \".d\", \"format\": \"HH:mm\"}}", "'date.format': 'HH:mm' is neither")]
    [InlineData("{\"lists\": [{\"kind\": \"popular\", \"container\": \".p\"}]}", "'lists.kind': 'popular' is not one of related, sidebar, tag")]
    public void Parse_InvalidProfile_OneClearLine(string json, string expected)
    {
        var error = Assert.Throws<SiteProfileException>(() => SiteProfileJson.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Parse_ShortForms_SelectorStringsForDatesAndLists()
    {
        var profile = SiteProfileJson.Parse("""{"date": "time[datetime]", "related": ".related", "drop": ".ad"}""");

        Assert.Equal(new ProfileDate("time[datetime]"), profile.Date);
        Assert.Equal(new ProfileLinkList(LinkKind.Related, ".related"), profile.Related);
        Assert.Equal([".ad"], profile.Drop);
    }
}
