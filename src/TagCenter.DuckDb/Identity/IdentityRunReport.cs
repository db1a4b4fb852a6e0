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
    TimeSpan Elapsed)
{
    /// <summary>Whether only the changed clusters were re-resolved.</summary>
    public bool Incremental { get; init; }

    /// <summary>How many identifier nodes were resolved in this run (all of them in a full run).</summary>
    public long Reresolved { get; init; }

    /// <summary>Whether only rows appended to sources were read (<see cref="IdentityRunner.AppendInTransaction"/>).</summary>
    public bool Appended { get; init; }

    /// <summary>In an appending run: how many persons' golden records were rewritten (those the new rows and the re-resolved clusters belong to).</summary>
    public long Touched { get; init; }

    /// <summary>How many sources identifiers were extracted from (all of them in a full run; those whose load changed in an incremental one).</summary>
    public int SourcesRead { get; init; }

    /// <summary>
    /// Time per step, each measured from the previous one: <c>extracted</c> (identifiers and edges from the sources),
    /// <c>loaded</c> (incremental scope, graph and previous OneIDs read), <c>resolved</c> (persons and OneIDs, pure code),
    /// <c>named</c> (new OneIDs named), <c>mapped</c> (map,
    /// history, conflicts written), <c>built</c> (row owners, golden record, fact tables).
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> Steps { get; init; } = new Dictionary<string, TimeSpan>();
}

/// <summary>One fact table of the unified model: rows, and how many matched a person.</summary>
public sealed record FactReport(string Fact, long Rows, long Matched)
{
    public long Unmatched => Rows - Matched;
}
