using System.Globalization;

namespace NewsArchive.Fetching;

/// <summary>Short human wording for sizes and durations in <see cref="FetchResult.Error"/>.</summary>
internal static class FetchFormat
{
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KB",
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => $"{bytes} bytes",
    };

    public static string Duration(TimeSpan span) => span.TotalSeconds >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0} ms");

    public static string OneLine(string message) =>
        message.ReplaceLineEndings(" ").Trim();
}
