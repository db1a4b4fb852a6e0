using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Demo;

/// <summary>
/// How well the OneID clustering matches the generator's truth, counted over pairs of identifiers. The
/// universe is every true identifier that appears in the loaded source tables. Besides the truth itself, recall
/// is measured against what the data makes linkable: identifiers of one person that co-occur in a row, joined
/// transitively (computed here from the source tables, not from identity's own tables), which is the most a
/// perfect resolver could link.
/// </summary>
public sealed record IdentityQuality(long Identifiers, long PredictedPairs, long CorrectPairs, long TruePairs, long LinkablePairs)
{
    /// <summary>Of the pairs put in one person, the share that truly are one person (1 when none were).</summary>
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

    /// <summary>Of the truly same-person pairs, the share put in one person.</summary>
    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;

    /// <summary>Of the pairs the data makes linkable, the share put in one person.</summary>
    public double RecallOfLinkable => LinkablePairs == 0 ? 1 : (double)CorrectPairs / LinkablePairs;

    /// <summary>Measures the current <c>identity_map</c> against a truth file (<c>type,value,person</c>, cleansed values).</summary>
    public static IdentityQuality Measure(WorkspaceDatabase db, WorkspaceDefinition workspace, string truthPath)
    {
        db.Execute($"""
            CREATE OR REPLACE TEMP TABLE q_truth AS
            SELECT * FROM read_csv({SqlText.Literal(truthPath)}, header = true, columns = {"{"}'type': 'VARCHAR', 'value': 'VARCHAR', 'person': 'BIGINT'{"}"})
            """);
        var person = workspace.Identifiers.Where(i => i.Entity == "person").Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var parts = workspace.Sources.Where(s => db.TableExists(s.TableName)).SelectMany((source, s) => source.Columns
            .Where(c => c.Identifier is { } type && person.Contains(type))
            .Select(c => $"""
                SELECT {s} AS source, _line AS line, {SqlText.Literal(c.Identifier!)} AS type, CAST({SqlText.Ident(c.Name)} AS VARCHAR) AS value
                FROM {SqlText.Ident(source.TableName)} WHERE {SqlText.Ident(c.Name)} IS NOT NULL
                """)).ToList();
        var occurrences = parts.Count == 0 ? "SELECT 0 AS source, 0::BIGINT AS line, '' AS type, '' AS value WHERE false" : string.Join("\nUNION ALL\n", parts);
        db.Execute($"""
            CREATE OR REPLACE TEMP TABLE q_seen AS
            SELECT o.source, o.line, t.type, t.value, t.person FROM ({occurrences}) o JOIN q_truth t USING (type, value)
            """);
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE q_nodes AS
            SELECT (row_number() OVER (ORDER BY type, value) - 1)::INTEGER AS k, type, value, any_value(person) AS person
            FROM q_seen GROUP BY type, value
            """);
        var count = (int)db.Scalar<long>("SELECT count(*) FROM q_nodes");
        var parent = Enumerable.Range(0, count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
                x = parent[x] = parent[parent[x]];
            return x;
        }
        // One edge from each identifier to the row's first identifier of the same person: enough for components.
        foreach (var row in db.Rows("""
            SELECT DISTINCT first_value(n.k) OVER w, n.k
            FROM q_seen s JOIN q_nodes n USING (type, value)
            WINDOW w AS (PARTITION BY s.source, s.line, s.person ORDER BY n.k)
            """))
        {
            int a = Find(Convert.ToInt32(row[0])), b = Find(Convert.ToInt32(row[1]));
            if (a != b)
                parent[Math.Max(a, b)] = Math.Min(a, b);
        }
        var linkable = Enumerable.Range(0, count).GroupBy(Find).Sum(g => Pairs(g.Count()));

        var predicted = db.Scalar<long>("""
            SELECT coalesce(sum(n * (n - 1) / 2), 0)::BIGINT FROM (
                SELECT count(*) AS n FROM q_nodes JOIN identity_map m USING (type, value) GROUP BY m.oneid)
            """);
        var correct = db.Scalar<long>("""
            SELECT coalesce(sum(n * (n - 1) / 2), 0)::BIGINT FROM (
                SELECT count(*) AS n FROM q_nodes q JOIN identity_map m USING (type, value) GROUP BY m.oneid, q.person)
            """);
        var truePairs = db.Scalar<long>("SELECT coalesce(sum(n * (n - 1) / 2), 0)::BIGINT FROM (SELECT count(*) AS n FROM q_nodes GROUP BY person)");
        return new IdentityQuality(count, predicted, correct, truePairs, linkable);
    }

    private static long Pairs(long n) => n * (n - 1) / 2;
}
