using System.Globalization;
using TagCenter.Core.Analysis;
using TagCenter.Core.Sql;

namespace TagCenter.DuckDb.Analysis;

/// <summary>The SQL that labels each person of an analysis with their group: a top value of the dimension, other, or none.</summary>
internal static class DimensionSql
{
    /// <summary>
    /// CTEs <c>g</c>, <c>top</c> and <c>h</c> over <paramref name="source"/> (a CTE with a <c>oneid</c> column): <c>h</c> is
    /// <paramref name="source"/> plus <c>grp</c>, the value when among the <see cref="Dimension.Top"/> largest groups.
    /// </summary>
    public static string Groups(Dimension by, string source, Func<object, string> parameter) => $"""
        g AS (SELECT s.*, CAST(d.{SqlText.Ident(by.Column)} AS VARCHAR) AS v FROM {source} s LEFT JOIN {SqlText.Ident(by.Table)} d ON d.oneid = s.oneid),
        top AS (SELECT v FROM g WHERE v IS NOT NULL GROUP BY v ORDER BY count(*) DESC, v LIMIT {by.Top.ToString(CultureInfo.InvariantCulture)}),
        h AS (SELECT g.*, CASE WHEN v IS NULL THEN {parameter(Dimension.NoneMarker)} WHEN v IN (SELECT v FROM top) THEN v ELSE {parameter(Dimension.OtherMarker)} END AS grp FROM g)
        """;

    /// <summary>Groups in display order: largest first (by <paramref name="size"/>), then other, then none.</summary>
    public static IEnumerable<T> Order<T>(IEnumerable<T> groups, Func<T, string?> value, Func<T, long> size) =>
        groups.OrderBy(g => value(g) switch { Dimension.OtherMarker => 1, Dimension.NoneMarker => 2, _ => 0 })
            .ThenByDescending(size).ThenBy(value, StringComparer.Ordinal);
}
