using System.Text.Json;

namespace NewsArchive.Tests.Parsing;

/// <summary>
/// One golden page: the folder's page.html (any charset, decoded as the fetcher does), the inputs
/// from page.case.json (URL, fetch time, feed date, must/must-not-contain strings) and the
/// reviewed output in page.expected.json.
/// </summary>
public sealed record GoldenCase(
    string Name,
    string Folder,
    Uri Url,
    DateTimeOffset Now,
    DateTimeOffset? FeedPublished,
    IReadOnlyList<string> BodyMustContain,
    IReadOnlyList<string> BodyMustNotContain)
{
    public string HtmlPath => Path.Combine(Folder, "page.html");

    public string ExpectedPath => Path.Combine(Folder, "page.expected.json");

    public static GoldenCase Load(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "page.case.json")));
        var root = json.RootElement;
        return new GoldenCase(
            Path.GetFileName(folder),
            folder,
            new Uri(root.GetProperty("url").GetString()!),
            DateTimeOffset.Parse(root.GetProperty("now").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            root.TryGetProperty("feedPublished", out var feed) && feed.ValueKind == JsonValueKind.String
                ? DateTimeOffset.Parse(feed.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                : null,
            Strings(root, "bodyMustContain"),
            Strings(root, "bodyMustNotContain"));
    }

    private static string[] Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];

    public override string ToString() => Name;
}
