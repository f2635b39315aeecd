namespace NewsArchive.Storage;

[Flags]
public enum LinkDirection
{
    Out = 1,
    In = 2,
    Both = Out | In,
}
