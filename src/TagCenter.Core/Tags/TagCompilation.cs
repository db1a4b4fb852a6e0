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
    public bool Success => Diagnostics.Count == 0;
}
