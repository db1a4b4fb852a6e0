namespace TagCenter.Cli.Console;

/// <summary>Process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int WorkspaceInvalid = 2;
    public const int SourcesFailed = 3;
    public const int NotFound = 4;
}
