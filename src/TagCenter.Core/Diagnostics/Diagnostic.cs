namespace TagCenter.Core.Diagnostics;

/// <summary>A problem in user input (a workspace file, a source row, a rule), with where it is.</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Message)
{
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
