using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Bench.Scale;

/// <summary>
/// The clones of the source's persons: <c>temp.scale_persons</c> (each person of <c>person_tags</c>, and whether the
/// last, truncated clone keeps them: the first persons in OneID order), <c>temp.scale_copies</c> (clone c, whether it
/// is whole, whether it carries facts), <c>temp.scale_nodes</c> (identity nodes of persons) and
/// <c>temp.scale_phones</c> (each phone's rank, to write an 11-digit phone unique per clone). Clone 0 keeps the
/// source's OneIDs; clone c &gt; 0 gets <c>'P' || 16 hex</c> of hash(oneid, c), the shape the identity run writes.
/// </summary>
internal sealed class PersonClones
{
    private readonly WorkspaceDatabase _db;

    public PersonClones(WorkspaceDatabase db, long target, double facts)
    {
        _db = db;
        PerClone = db.Scalar<long>("SELECT count(DISTINCT oneid) FROM src.person_tags");
        Copies = (int)((target + PerClone - 1) / PerClone);
        Kept = target - ((Copies - 1) * PerClone);
        NodeStride = db.Scalar<long>("SELECT coalesce(max(node), 0) + 1 FROM src.identity_map");
        db.Execute($"""
            CREATE TEMP TABLE scale_persons AS
            SELECT oneid, row_number() OVER (ORDER BY oneid) <= {Kept} AS keep FROM (SELECT DISTINCT oneid FROM src.person_tags);
            CREATE TEMP TABLE scale_copies AS
            SELECT c, c < {Copies - 1} AS whole, floor(c * {Invariant(facts)}) > floor((c - 1) * {Invariant(facts)}) AS facts FROM range({Copies}) r(c);
            CREATE TEMP TABLE scale_nodes AS
            SELECT m.node, p.keep FROM src.identity_map m JOIN temp.scale_persons p ON p.oneid = m.oneid;
            CREATE TEMP TABLE scale_phones AS
            SELECT value, row_number() OVER (ORDER BY value) - 1 AS rank FROM (SELECT DISTINCT value FROM src.identity_map
            WHERE type = 'phone' AND regexp_full_match(value, '\+861[0-9]{10}'));
            """);
        FactClones = db.Scalar<long>("SELECT count(*) FROM temp.scale_copies WHERE facts");
        LastCarriesFacts = db.Scalar<bool>($"SELECT facts FROM temp.scale_copies WHERE c = {Copies - 1}");
        if (db.Scalar<long>("SELECT count(*) FROM temp.scale_phones") * Copies >= 1_000_000_000)
            throw new InvalidOperationException("too many phones × clones for 9 rewritten digits");
    }

    private static string Invariant(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Persons per clone (the source's <c>person_tags</c>).</summary>
    public long PerClone { get; }

    /// <summary>How many clones: the last one truncated to <see cref="Kept"/> persons.</summary>
    public int Copies { get; }

    public long Kept { get; }

    public long NodeStride { get; }

    /// <summary>How many clones carry the <c>fact_*</c> rows (all unless <c>--facts</c> is below 1).</summary>
    public long FactClones { get; }

    public bool LastCarriesFacts { get; }

    /// <summary>Copies <paramref name="table"/> into the new database as its kind says; returns the rows written.</summary>
    public long Copy(ScaleTable table)
    {
        var name = SqlText.Ident(table.Name);
        var into = $"INSERT INTO main.{name} ";
        return table.Kind switch
        {
            ScaleKind.Once => _db.Execute(into + $"SELECT * FROM src.main.{name}"),
            ScaleKind.PerPerson => _db.Execute(into + $"""
                    SELECT {Columns(table)} FROM src.main.{name} t JOIN temp.scale_persons p ON p.oneid = t.oneid
                    CROSS JOIN temp.scale_copies s {PhoneJoin(table)} WHERE (s.whole OR p.keep){(IsFact(table) ? " AND s.facts" : "")}
                    """)
                + _db.Execute(into + $"SELECT * FROM src.main.{name} t WHERE NOT EXISTS (SELECT 1 FROM temp.scale_persons p WHERE p.oneid = t.oneid)"),
            ScaleKind.PerNode => _db.Execute(into + $"""
                    SELECT {Columns(table)} FROM src.main.{name} t JOIN temp.scale_nodes p ON p.node = t.node
                    CROSS JOIN temp.scale_copies s WHERE s.whole OR p.keep
                    """)
                + _db.Execute(into + $"SELECT * FROM src.main.{name} t WHERE NOT EXISTS (SELECT 1 FROM temp.scale_nodes p WHERE p.node = t.node)"),
            _ => 0,
        };
    }

    public static bool IsFact(ScaleTable table) => table.Name.StartsWith("fact_", StringComparison.Ordinal);

    private static string PhoneJoin(ScaleTable table) =>
        IsIdentityMap(table) ? "LEFT JOIN temp.scale_phones ph ON ph.value = t.value" : "";

    private static bool IsIdentityMap(ScaleTable table) => table.Name == "identity_map";

    private string Columns(ScaleTable table) => string.Join(", ", table.Columns.Select(c => c switch
    {
        "oneid" or "other_oneid" => OneId($"t.{c}"),
        "node" => $"t.node + s.c * {NodeStride}",
        "value" when IsIdentityMap(table) => Value(),
        _ => $"t.{SqlText.Ident(c)}",
    }));

    private static string OneId(string column) =>
        $"CASE WHEN s.c = 0 OR {column} IS NULL THEN {column} ELSE 'P' || printf('%016X', hash({column}, s.c)) END";

    // Phones keep +86, their first two digits and 11 digits in all: the other nine are rank × clones + clone, unique
    // by construction. Other identifiers keep the source's value in clone 0 and get the clone as a suffix after it
    // (an email before its @), so a lookup by value finds exactly one person.
    private string Value() => $"""
        CASE WHEN ph.rank IS NOT NULL THEN '+86' || substr(t.value, 4, 2) || printf('%09d', ph.rank * {Copies} + s.c)
            WHEN s.c = 0 THEN t.value
            WHEN t.type = 'email' AND strpos(t.value, '@') > 1
                THEN substr(t.value, 1, strpos(t.value, '@') - 1) || '+' || s.c || substr(t.value, strpos(t.value, '@'))
            ELSE t.value || '-' || s.c END
        """;
}
