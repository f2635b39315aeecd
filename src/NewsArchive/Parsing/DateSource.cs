namespace NewsArchive.Parsing;

/// <summary>Where a page's date came from, most trusted first after the feed.</summary>
public enum DateSource
{
    None,
    JsonLd,
    Meta,
    TimeElement,
    Itemprop,
    VisibleText,
    ScriptData,
    Url,
    Feed,
    /// <summary>The site profile's date selector.</summary>
    Profile,
}
