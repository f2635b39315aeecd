using System.Globalization;

namespace NewsArchive.Storage;

/// <summary>Times are ISO-8601 text with their offset, so the site's own clock survives storage.</summary>
public static class StoredTime
{
    public static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;

    public static string FormatUtc(DateTimeOffset value) => Format(value.ToUniversalTime());

    public static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
}
