using System.Globalization;
using TagCenter.Core.Fields;
using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Fields;

/// <summary>
/// Measures every column of one table in two scans. The first is one aggregate query: rows, nulls, blanks,
/// a HyperLogLog distinct estimate, min and max of every column. The second counts exactly where the estimate
/// says that is cheap: one GROUPING SETS query gives each low-cardinality column its exact distinct count and
/// commonest values, and, for the pairs of columns whose figures make them look alike, how often they agree.
/// </summary>
internal static class FieldScan
{
    /// <summary>How many of the commonest values a column keeps (enough for an enum tag's value set).</summary>
    public const int TopValues = 20;

    public static IReadOnlyList<FieldStats> Measure(WorkspaceDatabase db, string table, long exactBelow)
    {
        var columns = db.Rows("""
            SELECT column_name, data_type FROM duckdb_columns()
            WHERE table_name = $1 AND NOT internal AND schema_name = current_schema() AND column_name NOT LIKE '\_%' ESCAPE '\'
            ORDER BY column_index
            """, table).Select(r => new Column((string)r[0]!, (string)r[1]!)).ToList();
        if (columns.Count == 0)
            return [];
        var first = Aggregate(db, table, columns);
        var rows = Convert.ToInt64(first[0], CultureInfo.InvariantCulture);
        var stats = columns.Select((c, i) =>
        {
            var at = 1 + 5 * i;
            var nonNull = Convert.ToInt64(first[at], CultureInfo.InvariantCulture);
            return new FieldStats
            {
                Table = table,
                Column = c.Name,
                SqlType = c.Type,
                Rows = rows,
                Nulls = rows - nonNull,
                Empty = Convert.ToInt64(first[at + 1], CultureInfo.InvariantCulture),
                Distinct = Math.Min(Convert.ToInt64(first[at + 2], CultureInfo.InvariantCulture), nonNull),
                DistinctExact = nonNull == 0,
                Min = (string?)first[at + 3],
                Max = (string?)first[at + 4],
            };
        }).ToList();

        var exact = stats.Select((s, i) => (s, i)).Where(x => x.s.Filled > 0 && x.s.Distinct < exactBelow && columns[x.i].Scalar).Select(x => x.i).ToList();
        var pairs = Pairs(stats, columns);
        if (exact.Count == 0 && pairs.Count == 0)
            return stats;
        var second = Exact(db, table, columns, exact, pairs);
        var copies = stats.Select(_ => new List<FieldCopy>()).ToList();
        foreach (var row in second)
        {
            var index = Convert.ToInt32(row[0], CultureInfo.InvariantCulture);
            if (index >= 0)
            {
                var top = ((System.Collections.IList?)row[2] ?? Array.Empty<object>()).Cast<IDictionary<string, object?>>()
                    .Select(v => new ValueCount((string)v["value"]!, Convert.ToInt64(v["n"], CultureInfo.InvariantCulture))).ToList();
                stats[index] = stats[index] with { Distinct = Convert.ToInt64(row[1], CultureInfo.InvariantCulture), DistinctExact = true, Top = top };
                continue;
            }
            for (var p = 0; p < pairs.Count; p++)
            {
                var agree = Convert.ToInt64(row[3 + 2 * p] ?? 0L, CultureInfo.InvariantCulture);
                var either = Convert.ToInt64(row[4 + 2 * p] ?? 0L, CultureInfo.InvariantCulture);
                var share = either == 0 ? 0 : (double)agree / either;
                copies[pairs[p].A].Add(new FieldCopy(columns[pairs[p].B].Name, share));
                copies[pairs[p].B].Add(new FieldCopy(columns[pairs[p].A].Name, share));
            }
        }
        return [.. stats.Select((s, i) => s with { Copies = copies[i] })];
    }

    private static object?[] Aggregate(WorkspaceDatabase db, string table, List<Column> columns)
    {
        var parts = columns.Select(c =>
        {
            var q = SqlText.Ident(c.Name);
            // Only text sorting before '!' can be blank: trimming every value costs more than the rest of the scan.
            var blank = c.Type == "VARCHAR" ? $"count(*) FILTER (WHERE CASE WHEN {q} < '!' THEN trim({q}) = '' ELSE false END)" : "0";
            var range = c.Scalar ? $"CAST(min({q}) AS VARCHAR), CAST(max({q}) AS VARCHAR)" : "NULL, NULL";
            var distinct = c.Scalar ? $"approx_count_distinct({q})" : "0";
            return $"count({q}), {blank}, {distinct}, {range}";
        });
        return db.Rows($"SELECT count(*), {string.Join(", ", parts)} FROM {SqlText.Ident(table)}")[0];
    }

    /// <summary>
    /// Pairs worth comparing row by row: same type, both with several values, nearly as many values and distinct
    /// values (a 99 % copy differs in at most 1 % of the rows, and the estimate errs by a few percent).
    /// </summary>
    private static List<(int A, int B)> Pairs(List<FieldStats> stats, List<Column> columns)
    {
        var pairs = new List<(int, int)>();
        for (var a = 0; a < stats.Count; a++)
            for (var b = a + 1; b < stats.Count; b++)
            {
                var (x, y) = (stats[a], stats[b]);
                if (!columns[a].Scalar || x.SqlType != y.SqlType || x.Filled == 0 || y.Filled == 0 || x.Distinct <= 1 || y.Distinct <= 1)
                    continue;
                var values = Math.Max(x.Rows - x.Nulls, y.Rows - y.Nulls);
                if (Math.Abs((x.Rows - x.Nulls) - (y.Rows - y.Nulls)) > 0.01 * values + 1)
                    continue;
                if (Math.Abs(x.Distinct - y.Distinct) > 0.01 * values + 0.05 * Math.Max(x.Distinct, y.Distinct) + 1)
                    continue;
                pairs.Add((a, b));
            }
        return pairs;
    }

    private static List<object?[]> Exact(WorkspaceDatabase db, string table, List<Column> columns, List<int> exact, List<(int A, int B)> pairs)
    {
        var sets = exact.Select(i => $"({SqlText.Ident(columns[i].Name)})").Append("()");
        var which = exact.Count == 0 ? "-1" : $"CASE {string.Concat(exact.Select(i => $"WHEN grouping({SqlText.Ident(columns[i].Name)}) = 0 THEN {i} "))}ELSE -1 END";
        var value = exact.Count == 0 ? "CAST(NULL AS VARCHAR)" : $"coalesce({string.Join(", ", exact.Select(i => $"CASE WHEN grouping({SqlText.Ident(columns[i].Name)}) = 0 THEN CAST({SqlText.Ident(columns[i].Name)} AS VARCHAR) END"))})";
        var pairAggregates = pairs.Select((p, k) =>
        {
            var (a, b) = (SqlText.Ident(columns[p.A].Name), SqlText.Ident(columns[p.B].Name));
            return $", count(*) FILTER (WHERE {a} = {b}) AS agree_{k}, count(*) FILTER (WHERE {a} IS NOT NULL OR {b} IS NOT NULL) AS either_{k}";
        });
        var pairColumns = pairs.Select((_, k) => $", max(agree_{k}) FILTER (WHERE col = -1), max(either_{k}) FILTER (WHERE col = -1)");
        return db.Rows($"""
            WITH g AS (
                SELECT {which} AS col, {value} AS value, count(*) AS n{string.Concat(pairAggregates)}
                FROM {SqlText.Ident(table)} GROUP BY GROUPING SETS ({string.Join(", ", sets)}))
            SELECT col, count(value), (list(struct_pack(value := value, n := n) ORDER BY n DESC, value) FILTER (WHERE value IS NOT NULL))[1:{TopValues}]{string.Concat(pairColumns)}
            FROM g GROUP BY col
            """);
    }

    private sealed record Column(string Name, string Type)
    {
        /// <summary>Lists, structs and maps get counts only.</summary>
        public bool Scalar => !Type.Contains('[', StringComparison.Ordinal) && !Type.StartsWith("STRUCT", StringComparison.Ordinal)
            && !Type.StartsWith("MAP", StringComparison.Ordinal) && !Type.StartsWith("UNION", StringComparison.Ordinal);
    }
}
