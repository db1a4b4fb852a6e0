using TagCenter.Core.Sql;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tags;

/// <summary>
/// Reads tag history: values as of a run or a date, one person's history, who entered or left a value, what
/// changed between runs, a tag's distribution at a run. Runs store changes only (value intervals, see
/// <c>TagTables</c>), so each of these is one scan of the intervals of the tags asked about, whatever the
/// number of runs. Values are the text form runs stored (<c>CAST(value AS VARCHAR)</c>). Read-only.
/// </summary>
public sealed class TagHistory
{
    private readonly WorkspaceDatabase _db;

    public TagHistory(WorkspaceDatabase db) => _db = db;

    /// <summary>Whether any history was ever stored (a workspace whose tags never ran has none).</summary>
    public bool Exists => _db.TableExists("tag_history") && _db.TableExists("tag_run_order");

    /// <summary>The stored runs, oldest first.</summary>
    public IReadOnlyList<TagHistoryRun> Runs() => Exists ? Read("TRUE") : [];

    public TagHistoryRun? Run(string runId) => Exists ? Read("r.run_id = $1", runId).SingleOrDefault() : null;

    /// <summary>The last run, or the last run that computed <paramref name="tag"/> (by code).</summary>
    public TagHistoryRun? Latest(string? tag = null) =>
        !Exists ? null : tag is null ? Read("TRUE").LastOrDefault() : Read("list_contains(string_split(r.tags, ','), $1)", tag).LastOrDefault();

    /// <summary>The last run computed as of <paramref name="asOf"/> or before (the date tags were computed for, not when).</summary>
    public TagHistoryRun? At(DateTime asOf) => Exists ? Read("r.as_of <= $1", asOf).LastOrDefault() : null;

    /// <summary>
    /// Everyone's values as of <paramref name="run"/> (<c>oneid, tag, value</c>), of <paramref name="tags"/> (codes) or
    /// of every tag: for each tag, what the last run at or before it that computed the tag found.
    /// </summary>
    public static SqlCommand ValuesAt(TagHistoryRun run, IReadOnlyCollection<string>? tags = null) => new($"""
        SELECT oneid, tag, value FROM tag_history
        WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1){TagFilter(tags)}
        """, [run.Seq]);

    /// <summary>One person's values as of <paramref name="run"/>, by tag code.</summary>
    public IReadOnlyDictionary<string, string> ValuesOf(string oneId, TagHistoryRun run) =>
        Exists
            ? _db.Rows($"SELECT tag, value FROM ({ValuesAt(run).Sql}) WHERE oneid = $2", run.Seq, oneId).ToDictionary(r => (string)r[0]!, r => (string)r[1]!)
            : new Dictionary<string, string>();

    /// <summary>One person's history of one tag (code) or of all, each tag's intervals oldest first.</summary>
    public IReadOnlyList<TagInterval> PersonHistory(string oneId, string? tag = null)
    {
        if (!Exists)
            return [];
        var runs = Runs().ToDictionary(r => r.Seq);
        return [.. _db.Rows("""
            SELECT tag, value, valid_from, valid_to FROM tag_history WHERE oneid = $1 AND tag = coalesce($2, tag) ORDER BY tag, valid_from
            """, oneId, tag ?? (object)DBNull.Value).Select(r => new TagInterval((string)r[0]!, (string)r[1]!, runs[Convert.ToInt32(r[2])], r[3] is null ? null : runs[Convert.ToInt32(r[3])]))];
    }

    /// <summary>Who holds <paramref name="value"/> of <paramref name="tag"/> as of <paramref name="until"/> but did not as of <paramref name="since"/> (entered), and the reverse (left).</summary>
    public TagMovement Movement(string tag, string value, TagHistoryRun since, TagHistoryRun until)
    {
        List<string> Only(TagHistoryRun a, TagHistoryRun b) => [.. _db.Rows("""
            SELECT oneid FROM tag_history WHERE tag = $3 AND value = $4 AND valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1)
            EXCEPT
            SELECT oneid FROM tag_history WHERE tag = $3 AND value = $4 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)
            ORDER BY oneid
            """, a.Seq, b.Seq, tag, value).Select(r => (string)r[0]!)];
        return new TagMovement(tag, value, since, until, Only(until, since), Only(since, until));
    }

    /// <summary>
    /// What changed between two runs: <c>oneid, tag, before, after</c> for every value that differs (NULL: no
    /// value), of <paramref name="tags"/> (codes) or of every tag. Only intervals that start or end between the runs are read.
    /// </summary>
    public static SqlCommand Changes(TagHistoryRun since, TagHistoryRun until, IReadOnlyCollection<string>? tags = null) => new($"""
        WITH touched AS (
            SELECT tag, oneid, value, valid_from, valid_to FROM tag_history
            WHERE ((valid_from > $1 AND valid_from <= $2) OR (valid_to > $1 AND valid_to <= $2)){TagFilter(tags)}),
        a AS (SELECT tag, oneid, value FROM touched WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1)),
        b AS (SELECT tag, oneid, value FROM touched WHERE valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2))
        SELECT coalesce(a.oneid, b.oneid) AS oneid, coalesce(a.tag, b.tag) AS tag, a.value AS before, b.value AS after
        FROM a FULL JOIN b ON a.tag = b.tag AND a.oneid = b.oneid
        WHERE a.value IS DISTINCT FROM b.value
        """, [since.Seq, until.Seq]);

    /// <summary>How many persons held each value of <paramref name="tag"/> (code) as of <paramref name="run"/>, most held first.</summary>
    public IReadOnlyList<(string Value, long Persons)> Distribution(string tag, TagHistoryRun run, int limit = 10) =>
        Exists
            ? [.. _db.Rows($"""
                SELECT value, count(*) AS n FROM ({ValuesAt(run, [tag]).Sql}) GROUP BY value ORDER BY n DESC, value LIMIT {limit}
                """, run.Seq).Select(r => ((string)r[0]!, Convert.ToInt64(r[1])))]
            : [];

    /// <summary>Minimum, quartiles and maximum of a number tag (code) as of <paramref name="run"/>; null when it has no values.</summary>
    public IReadOnlyList<double>? Quantiles(string tag, TagHistoryRun run)
    {
        if (!Exists)
            return null;
        var q = _db.Rows($"""
            SELECT quantile_cont(TRY_CAST(value AS DOUBLE), [0, 0.25, 0.5, 0.75, 1]) FROM ({ValuesAt(run, [tag]).Sql})
            """, run.Seq)[0][0] as System.Collections.IList;
        return q is { Count: 5 } ? [.. q.Cast<object?>().Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture))] : null;
    }

    private static string TagFilter(IReadOnlyCollection<string>? tags) =>
        tags is null ? "" : tags.Count == 0 ? " AND FALSE" : $" AND tag IN ({string.Join(", ", tags.Select(SqlText.Literal))})";

    private List<TagHistoryRun> Read(string where, params object?[] parameters) => [.. _db.Rows($"""
        SELECT o.seq, r.run_id, r.as_of, r.finished_at, r.tags FROM tag_run_order o JOIN tag_runs r USING (run_id)
        WHERE {where} ORDER BY o.seq
        """, parameters).Select(r => new TagHistoryRun(Convert.ToInt32(r[0]), (string)r[1]!, (DateTime)r[2]!, (DateTime)r[3]!,
            ((string?)r[4] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)))];
}
