using TagCenter.Core.Sql;
using TagCenter.DuckDb.Analysis;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Profiles;

/// <summary>
/// The parts of a profile document, each one SQL query of (oneid, x) over one engine table for the persons a
/// condition on <c>oneid</c> selects, in the order of the document's fields. <see cref="ProfileDocuments.Read"/>
/// joins them for a few persons; <see cref="ProfileScan"/> reads each table once for all of them.
/// </summary>
internal static class ProfileParts
{
    /// <summary>One part: its name in the joined query, the document field it fills, and its query.</summary>
    internal sealed record Part(string Key, string Field, string Sql);

    /// <summary>The parts of <paramref name="shape"/>'s documents; the first (identifiers) names every person.</summary>
    public static IReadOnlyList<Part> Of(WorkspaceDatabase db, ProfileShape shape, string persons)
    {
        var parts = new List<Part>
        {
            new("i", "i", $"""
                SELECT m.oneid, list({"{"}t: m.type, v: m.value, r: o.r, n: coalesce(o.n, 0){"}"} ORDER BY m.type, m.value) AS x
                FROM (SELECT DISTINCT oneid, type, value, node FROM identity_map WHERE {persons}) m
                LEFT JOIN (SELECT node, {FirstRows} AS r, count(line) AS n
                           FROM id_occurrences WHERE node IN (SELECT node FROM identity_map WHERE {persons}) GROUP BY node) o USING (node)
                GROUP BY m.oneid
                """),
        };
        if (shape.Golden.Count > 0)
        {
            var types = db.Rows("SELECT column_name, column_type FROM (DESCRIBE dim_person)").ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);
            string Value(string field) => types[field] switch
            {
                "DATE" => $"strftime({SqlText.Ident(field)}, '%Y-%m-%d')",
                var t when t.StartsWith("TIMESTAMP", StringComparison.Ordinal) => $"CASE WHEN CAST({SqlText.Ident(field)} AS TIME) = TIME '00:00:00' THEN strftime({SqlText.Ident(field)}, '%Y-%m-%d') ELSE strftime({SqlText.Ident(field)}, '%Y-%m-%d %H:%M:%S') END",
                _ => $"CAST({SqlText.Ident(field)} AS VARCHAR)",
            };
            parts.Add(new("g", "g", $"""
                SELECT oneid, {"{"}v: [{string.Join(", ", shape.Golden.Select(Value))}],
                  s: [{string.Join(", ", shape.Golden.Select(f => SqlText.Ident(f + "__source")))}],
                  l: [{string.Join(", ", shape.Golden.Select(f => SqlText.Ident(f + "__line")))}]{"}"} AS x
                FROM dim_person WHERE {persons}
                """));
        }
        if (shape.Tags.Count > 0)
            parts.Add(new("t", "t", $"SELECT oneid, [{string.Join(", ", shape.Tags.Select(c => $"CAST({SqlText.Ident(c)} AS VARCHAR)"))}] AS x FROM person_tags WHERE {persons}"));
        if (db.TableExists("segment_members") && db.TableExists("segment_runs"))
            parts.Add(new("s", "s", $"""
                SELECT m.oneid, list({"{"}n: m.segment, a: strftime(r.as_of, '%Y-%m-%dT%H:%M:%S.%f'){"}"} ORDER BY m.segment) AS x
                FROM (SELECT * FROM segment_members WHERE {persons}) m JOIN segment_runs r ON r.segment = m.segment AND r.seq = m.from_seq
                WHERE m.to_seq IS NULL GROUP BY m.oneid
                """));
        if (db.TableExists("identity_history"))
            parts.Add(new("h", "h", $"""
                SELECT oneid, list({"{"}a: strftime(happened_at, '%Y-%m-%dT%H:%M:%S.%f'), k: kind, o: other, c: cause{"}"} ORDER BY happened_at) AS x
                FROM (SELECT oneid, other_oneid AS other, happened_at, kind, cause FROM identity_history
                      UNION ALL SELECT other_oneid, oneid, happened_at, kind, cause FROM identity_history WHERE other_oneid <> oneid)
                WHERE {persons} GROUP BY oneid
                """));
        foreach (var (fact, i) in shape.Facts.Select((f, i) => (f, i)))
            parts.Add(new($"f{i}", "f", $"SELECT oneid, count(*) AS x FROM {SqlText.Ident("fact_" + fact)} WHERE {persons} GROUP BY oneid"));
        // The latest events newest first (without a time last): max_by keeps 20 per person as the rows stream by, where
        // numbering every event in a window held them all (twice the memory and four times the time at 500k).
        if (db.TableExists(EventLog.Table))
            parts.Add(new("e", "e", $"""
                SELECT oneid, max_by({"{"}n: event, a: strftime(event_time, '%Y-%m-%dT%H:%M:%S.%f'){"}"}, {"{"}k: event_time IS NOT NULL, t: event_time{"}"}, {ProfileDocuments.Events}) AS x
                FROM {EventLog.Relation(db)} WHERE {persons}
                GROUP BY oneid
                """));
        return parts;
    }

    /// <summary>
    /// The document's fields in order, each with what it holds when the person has no row or the workspace no such
    /// table (the fact counts are one array of every fact's count, 0 for none).
    /// </summary>
    public static readonly (string Field, string Missing)[] Fields = [("i", "[]"), ("g", "null"), ("t", "null"), ("s", "[]"), ("h", "[]"), ("f", "0"), ("e", "[]")];

    /// <summary>
    /// An identifier's first three rows by (source, line), ascending: the same list as sorting all its rows and
    /// keeping three, but the aggregate holds three per identifier instead of every row (a list of every row ran out
    /// of DuckDB's memory for all persons at 500k). Source and line are never null in <c>id_occurrences</c>.
    /// </summary>
    private const string FirstRows = "min_by(source || ':' || line, {s: source, l: line}, 3)";
}
