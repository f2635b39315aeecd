namespace NewsArchive.Storage;

/// <summary>What a reparse changed in one stored article.</summary>
[Flags]
public enum ReparseChange
{
    None = 0,
    Title = 1,
    /// <summary>The body (its text or its HTML) or the lead.</summary>
    Body = 2,
    /// <summary>The publication or modification date.</summary>
    Dates = 4,
    Authors = 8,
    /// <summary>The outgoing links (related news, sidebars, links in the text, tags).</summary>
    Links = 16,
}
