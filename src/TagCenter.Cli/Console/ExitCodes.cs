namespace TagCenter.Cli.Console;

/// <summary>Process exit codes, one per kind of failure; documented in the README.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command line is wrong: an unknown option, a bad value (<c>--as-of garbage</c>, <c>--lang fr</c>).</summary>
    public const int Usage = 1;

    /// <summary>The workspace files are wrong (tagcenter.yaml, tags/*.yaml); the diagnostics say where.</summary>
    public const int WorkspaceInvalid = 2;

    /// <summary>One or more sources could not be loaded; their previous data is unchanged.</summary>
    public const int SourcesFailed = 3;

    /// <summary>What was asked for does not exist (an identifier, a tag, a run).</summary>
    public const int NotFound = 4;

    /// <summary>A plan was refused (removing a tag still in use); nothing was published.</summary>
    public const int PlanBlocked = 5;

    /// <summary>A file or folder could not be read or written (permissions, a file in the way).</summary>
    public const int IoError = 6;

    /// <summary>Another tagcenter process is writing to the workspace database.</summary>
    public const int Busy = 7;

    /// <summary>A computation failed on the data (e.g. a tag's value overflowed); nothing was stored.</summary>
    public const int RunFailed = 8;

    /// <summary>A bug: please report it with the message.</summary>
    public const int Internal = 70;

    /// <summary>Stopped by Ctrl-C; nothing was half-written.</summary>
    public const int Cancelled = 130;
}
