using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// What real time reads of a few persons, a statement per table: golden records, stored tag values, current dynamic
/// segments, and the fact rows the rules read (per fact name, per OneID). The committed path
/// (<see cref="RealtimeEvaluator"/>) and the live path (<see cref="LiveEvaluator"/>, which also wants each row's
/// <c>_source</c> and <c>_line</c>) read persons the same way.
/// </summary>
internal sealed record PersonReads(
    Dictionary<string, List<IReadOnlyDictionary<string, object?>>> Golden,
    Dictionary<string, List<IReadOnlyDictionary<string, object?>>> Stored,
    Dictionary<string, HashSet<string>> Segments,
    Dictionary<string, Dictionary<string, List<IReadOnlyDictionary<string, object?>>>> Facts)
{
    /// <summary>Reads <paramref name="ids"/>; <paramref name="factColumns"/> are read besides those the rules read (none: just those).</summary>
    public static PersonReads Read(WorkspaceDatabase db, RealtimeContext context, IReadOnlyList<string> ids, string? factColumns = null) => new(
        PersonRows.Read(db, "dim_person", ids),
        PersonRows.Read(db, "person_tags", ids),
        MembershipWriter.Open(db, context, ids),
        context.FactTables.ToDictionary(t => t["fact_".Length..], t => PersonRows.Read(db, t, ids, Columns(context, t, factColumns))));

    private static string Columns(RealtimeContext context, string table, string? more)
    {
        var read = context.FactColumns.GetValueOrDefault(table, "*");
        return read == "*" || more is null ? read : read + ", " + more;
    }

    /// <summary>The golden record of <paramref name="id"/> (null: not a person).</summary>
    public IReadOnlyDictionary<string, object?>? GoldenOf(string id) => Golden.TryGetValue(id, out var rows) ? rows[0] : null;

    /// <summary>The stored tag values of <paramref name="id"/> (null: none yet).</summary>
    public IReadOnlyDictionary<string, object?>? StoredOf(string id) => Stored.TryGetValue(id, out var rows) ? rows[0] : null;

    /// <summary>The dynamic segments <paramref name="id"/> is in now.</summary>
    public HashSet<string> SegmentsOf(string id) => Segments.TryGetValue(id, out var segments) ? segments : [];

    /// <summary>The fact rows of <paramref name="id"/> of one fact.</summary>
    public List<IReadOnlyDictionary<string, object?>> FactsOf(string fact, string id) => Facts[fact].TryGetValue(id, out var rows) ? rows : [];

    /// <summary><paramref name="id"/> as <see cref="PersonEvaluation"/> takes a person.</summary>
    public PersonState State(string id) => new(GoldenOf(id), StoredOf(id), SegmentsOf(id),
        Facts.Keys.ToDictionary(f => f, IReadOnlyList<IReadOnlyDictionary<string, object?>> (f) => FactsOf(f, id), StringComparer.Ordinal));
}
