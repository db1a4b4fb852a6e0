namespace TagCenter.Bench.Scale;

/// <summary>How a table of the source workspace reaches the scaled one.</summary>
internal enum ScaleKind
{
    /// <summary>Keyed by person (a <c>oneid</c> column): one copy per clone, with that clone's OneIDs.</summary>
    PerPerson,

    /// <summary>Keyed by identity node (<c>id_occurrences</c>): one copy per clone, nodes offset.</summary>
    PerNode,

    /// <summary>Not about persons (catalogs, runs): copied once.</summary>
    Once,

    /// <summary>Not read by a served workspace (staging, identity internals): left out.</summary>
    Skipped,
}

/// <summary>A table of the source, its columns (in order) and what the clone does with it.</summary>
internal sealed record ScaleTable(string Name, IReadOnlyList<string> Columns, string CreateSql, long Rows, ScaleKind Kind, string Why)
{
    public bool Has(string column) => Columns.Contains(column, StringComparer.Ordinal);
}
