using TagCenter.Core.Diagnostics;

namespace TagCenter.DuckDb.Storage;

/// <summary>Another process holds the workspace database for writing (a load or run in progress).</summary>
public sealed class WorkspaceBusyException : TagCenterException
{
    public WorkspaceBusyException(string message, Exception inner) : base(message, inner) { }

    public WorkspaceBusyException() { }

    public WorkspaceBusyException(string message) : base(message) { }
}
