namespace NewsArchive.Storage;

internal enum SearchTokenKind
{
    Words,
    And,
    Or,
    Not,
    Open,
    Close,
}
