namespace NewsArchive.Sites;

/// <summary>
/// Where a date is on the page and how it is written: a .NET pattern read with Russian month names
/// ("dd.MM.yyyy HH:mm", "d MMMM yyyy"), or null / "russian" for the generic reader of Russian and other dates.
/// Times without a zone are in the site's zone.
/// </summary>
public sealed record ProfileDate(string Selector, string? Format = null)
{
    public const string RussianFormat = "russian";

    public bool HasPattern => Format is not null && !Format.Equals(RussianFormat, StringComparison.OrdinalIgnoreCase);
}
