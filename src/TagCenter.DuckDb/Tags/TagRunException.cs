using TagCenter.Core.Diagnostics;

namespace TagCenter.DuckDb.Tags;

/// <summary>
/// The engine stopped a tag run while computing values (an overflow, a value that does not convert). Names the
/// tags of the layer that failed and says what to do; the engine's own error, with its SQL, is the inner exception.
/// </summary>
public sealed class TagRunException : TagCenterException
{
    public TagRunException(IReadOnlyList<string> tags, string message, Exception inner) : base(message, inner) => Tags = tags;

    public TagRunException() => Tags = [];

    public TagRunException(string message) : base(message) => Tags = [];

    public TagRunException(string message, Exception inner) : base(message, inner) => Tags = [];

    /// <summary>The tags computed in the layer that failed.</summary>
    public IReadOnlyList<string> Tags { get; }
}
