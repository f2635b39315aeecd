namespace NewsArchive.Storage;

public enum DiffKind
{
    Same,
    Removed,
    Added,
}
