namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// The <c>IN</c> list a real-time statement filters a person-keyed table with, over bound parameters. A few OneIDs stay
/// a plain list (the scan filters by them directly); more become a list of rows, which the engine joins by hash
/// instead of comparing every row of a large fact table with every parameter.
/// </summary>
internal static class OneIdList
{
    private const int PlainUpTo = 16;

    /// <summary><c>IN (…)</c> over <paramref name="count"/> parameters numbered from <paramref name="first"/>.</summary>
    public static string In(int count, int first = 1)
    {
        var slots = Enumerable.Range(first, count).Select(i => "$" + i);
        return count <= PlainUpTo
            ? $"IN ({string.Join(", ", slots)})"
            : $"IN (SELECT * FROM (VALUES {string.Join(", ", slots.Select(s => $"({s})"))}))";
    }
}
