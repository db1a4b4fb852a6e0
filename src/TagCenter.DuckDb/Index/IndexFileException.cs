using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;

namespace TagCenter.DuckDb.Index;

/// <summary>An index file that cannot be read as written (truncated, overwritten, another version): which file and what is wrong.</summary>
public sealed class IndexFileException : TagCenterException
{
    public IndexFileException(string path, string problem, Exception? inner = null)
        : base(Texts.T("index.corrupt", path, problem), inner ?? new InvalidDataException(problem))
    {
        Path = path;
    }

    public IndexFileException() { }

    public IndexFileException(string message) : base(message) { }

    public IndexFileException(string message, Exception inner) : base(message, inner) { }

    public string? Path { get; }
}
