namespace TagCenter.Core.Diagnostics;

/// <summary>The workspace files are wrong; every problem found is listed with its position.</summary>
public sealed class WorkspaceException : TagCenterException
{
    public WorkspaceException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics)) => Diagnostics = diagnostics;

    public WorkspaceException(string message) : this([new Diagnostic("tagcenter.yaml", 0, 0, message)]) { }

    public WorkspaceException() : this([]) { }

    public WorkspaceException(string message, Exception inner) : base(message, inner) => Diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
