using TagCenter.Core.Diagnostics;

namespace TagCenter.Core.Tags;

/// <summary>The SQL that computes every requested tag for every person, or the diagnostics that stopped it.</summary>
public sealed record TagCompilation(
    string Sql,
    IReadOnlyList<object?> Parameters,
    IReadOnlyList<TagDefinition> Tags,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Dependencies,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Per tag, the fact columns and person fields its rule reads (its upstream data).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Reads { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public bool Success => Diagnostics.Count == 0;
}
