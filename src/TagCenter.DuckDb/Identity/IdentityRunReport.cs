namespace TagCenter.DuckDb.Identity;

/// <summary>What an identity run found. Every count is re-derivable from the run's tables.</summary>
public sealed record IdentityRunReport(
    string RunId,
    long Identifiers,
    long Edges,
    long Persons,
    long Conflicts,
    long Blocked,
    long Merges,
    long Splits,
    int LargestPerson,
    IReadOnlyList<FactReport> Facts,
    TimeSpan Elapsed);

/// <summary>One fact table of the unified model: rows, and how many matched a person.</summary>
public sealed record FactReport(string Fact, long Rows, long Matched)
{
    public long Unmatched => Rows - Matched;
}
