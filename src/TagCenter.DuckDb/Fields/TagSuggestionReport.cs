using TagCenter.Core.Fields;

namespace TagCenter.DuckDb.Fields;

/// <summary>What <c>tag suggest</c> proposes: the suggestions, the fields skipped and why, and each source's tag file.</summary>
public sealed record TagSuggestionReport(
    IReadOnlyList<TagSuggestion> Suggestions,
    IReadOnlyList<SkippedField> Skipped,
    IReadOnlyDictionary<string, string> Files)
{
    public int Fields => Suggestions.Select(s => (s.Source, s.Column)).Distinct().Count();
}

/// <summary>A field that gave no suggestion, with the reason in words.</summary>
public sealed record SkippedField(string Field, string Reason);
