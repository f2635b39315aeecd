using System.Globalization;

namespace NewsArchive.Storage;

/// <summary>Times are ISO-8601 text with their offset, so the site's own clock survives storage.</summary>
public static class StoredTime
{
    public static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;

    public static string FormatUtc(DateTimeOffset value) => Format(value.ToUniversalTime());

    /// <summary>Reads what <see cref="Format(DateTimeOffset)"/> wrote (the exact format first: exports read millions), or any ISO-8601 time.</summary>
    public static DateTimeOffset? Parse(string? text) =>
        text is null ? null
        : DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact) ? exact
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
}
