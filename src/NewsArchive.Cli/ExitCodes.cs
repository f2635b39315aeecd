namespace NewsArchive.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int SomeFailed = 1;
    public const int Usage = 2;
    public const int Fatal = 3;
    public const int Interrupted = 130;
}
