namespace TagCenter.Core.Diagnostics;

/// <summary>A source could not be loaded at all (missing file, wrong encoding, server down). Nothing was changed.</summary>
public sealed class SourceLoadException : TagCenterException
{
    public SourceLoadException(string source, string message)
        : base($"source '{source}': {message}") => Source = source;

    public SourceLoadException(string source, string message, Exception inner)
        : base($"source '{source}': {message}", inner) => Source = source;

    public SourceLoadException() { Source = ""; }

    public SourceLoadException(string message, Exception inner) : base(message, inner) { Source = ""; }

    public new string Source { get; }
}
