namespace NewsArchive.Parsing;

public enum PageKind
{
    Article,
    Listing,
    Other,
}
