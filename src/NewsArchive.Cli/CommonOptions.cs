using System.CommandLine;
using System.Globalization;
using NewsArchive.Storage;

namespace NewsArchive.Cli;

/// <summary>Options shared by several commands, and their validation into library types.</summary>
public static class CommonOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "Archive file (default: $NEWSARCHIVE_DB, else ./newsarchive.db)",
        Recursive = true,
        HelpName = "PATH",
    };

    public static Option<string[]> Sites() => new("--site") { Description = "Only this site (repeatable)", HelpName = "NAME", AllowMultipleArgumentsPerToken = false };

    public static Option<string?> From() => new("--from") { Description = "Published on or after this day (YYYY-MM-DD)", HelpName = "DATE" };

    public static Option<string?> To() => new("--to") { Description = "Published on or before this day (YYYY-MM-DD)", HelpName = "DATE" };

    public static Option<int?> Limit() => new("--limit") { Description = "At most N rows", HelpName = "N" };

    public static Option<string> Format(string defaultValue, params string[] allowed)
    {
        var option = new Option<string>("--format") { Description = $"Output format: {string.Join('|', allowed)}", DefaultValueFactory = _ => defaultValue, HelpName = "FORMAT" };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    public static string ResolveDbPath(ParseResult result, CliContext context) =>
        result.GetValue(Db) is { Length: > 0 } path ? path
        : context.GetEnvironment("NEWSARCHIVE_DB") is { Length: > 0 } fromEnv ? fromEnv
        : "newsarchive.db";

    public static DateOnly? ParseDate(string? text, string optionName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        string[] formats = ["yyyy-MM-dd", "dd.MM.yyyy", "yyyy-MM", "yyyy"];
        if (DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        throw new UsageException($"{optionName}: '{text}' is not a date (use YYYY-MM-DD)");
    }

    public static ArchiveStore OpenStore(ParseResult result, CliContext context, bool readOnly)
    {
        var path = ResolveDbPath(result, context);
        return ArchiveStore.Open(path, readOnly, readOnly ? null : MaxPages(context));
    }

    /// <summary>
    /// <c>NEWSARCHIVE_MAX_PAGES</c>: a cap on the archive's size in SQLite pages (4 KiB each); writing past it fails as a
    /// full disk does. A quota for a shared disk, and how the tests fill the "disk".
    /// </summary>
    public static long? MaxPages(CliContext context)
    {
        if (context.GetEnvironment("NEWSARCHIVE_MAX_PAGES") is not { Length: > 0 } text)
        {
            return null;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pages) && pages > 0
            ? pages
            : throw new UsageException($"NEWSARCHIVE_MAX_PAGES must be a positive number of pages, not '{text}'");
    }
}
