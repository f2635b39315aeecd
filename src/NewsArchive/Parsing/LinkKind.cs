namespace NewsArchive.Parsing;

/// <summary>Why one page links to another; stored as lower-case text in the link graph.</summary>
public enum LinkKind
{
    /// <summary>A curated "Новости по теме" list about this story.</summary>
    Related,
    /// <summary>Site-wide lists: "Новости за сегодня", "Популярное".</summary>
    Sidebar,
    /// <summary>A link inside the article text.</summary>
    Body,
    /// <summary>A listing page's link to an article.</summary>
    Listing,
    Tag,
}
