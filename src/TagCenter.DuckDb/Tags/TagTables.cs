using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tags;

/// <summary>
/// The tables of tag runs. History is kept as value intervals, not snapshots (see <see cref="TagHistory"/>):
/// <c>tag_history(tag, oneid, value, valid_from, valid_to)</c> says that the person had that value (as text)
/// from the run numbered <c>valid_from</c> until, not including, the run numbered <c>valid_to</c> (NULL: still
/// holds). <c>tag_run_order(run_id, seq)</c> numbers the runs in the order they were stored, so an interval is
/// two small integers and "as of run n" is <c>valid_from &lt;= n AND (valid_to IS NULL OR valid_to &gt; n)</c>.
/// A person without a value has no interval. The rows of a run are its changes only.
/// </summary>
internal static class TagTables
{
    public static void Ensure(WorkspaceDatabase db)
    {
        db.Execute("""
            CREATE TABLE IF NOT EXISTS tag_runs (
                run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, as_of TIMESTAMP, tags VARCHAR, persons BIGINT, status VARCHAR);
            CREATE TABLE IF NOT EXISTS tag_run_order (run_id VARCHAR PRIMARY KEY, seq INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS tag_history (tag VARCHAR NOT NULL, oneid VARCHAR NOT NULL, value VARCHAR NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER);
            """);
        if (db.TableExists("tag_values"))
            db.InTransaction(() => Migrate(db));
    }

    /// <summary>
    /// Converts the snapshots of an older workspace (<c>tag_values</c>: every value of every run) into intervals,
    /// once, then drops them. A run that computed a tag and has no row for a person means "no value" then.
    /// </summary>
    private static void Migrate(WorkspaceDatabase db)
    {
        db.Execute("""
            INSERT INTO tag_run_order
            SELECT run_id, (SELECT coalesce(max(seq), 0) FROM tag_run_order) + row_number() OVER (ORDER BY finished_at, run_id)
            FROM tag_runs WHERE status = 'ok' AND run_id NOT IN (SELECT run_id FROM tag_run_order);
            INSERT INTO tag_history
            WITH computed AS (
                SELECT o.seq, unnest(string_split(r.tags, ',')) AS tag FROM tag_runs r JOIN tag_run_order o USING (run_id)),
            kept AS (SELECT v.tag, v.oneid, v.value, o.seq FROM tag_values v JOIN tag_run_order o USING (run_id) WHERE v.value IS NOT NULL),
            grid AS (
                SELECT p.tag, p.oneid, c.seq, k.value
                FROM (SELECT DISTINCT tag, oneid FROM kept) p JOIN computed c USING (tag)
                LEFT JOIN kept k ON k.tag = p.tag AND k.oneid = p.oneid AND k.seq = c.seq),
            marked AS (
                SELECT *, CASE WHEN value IS NOT DISTINCT FROM lag(value) OVER w THEN 0 ELSE 1 END AS starts
                FROM grid WINDOW w AS (PARTITION BY tag, oneid ORDER BY seq)),
            islands AS (SELECT *, sum(starts) OVER (PARTITION BY tag, oneid ORDER BY seq) AS island FROM marked),
            spans AS (SELECT tag, oneid, island, any_value(value) AS value, min(seq) AS valid_from FROM islands GROUP BY tag, oneid, island)
            SELECT tag, oneid, value, valid_from, valid_to FROM (
                SELECT *, lead(valid_from) OVER (PARTITION BY tag, oneid ORDER BY island) AS valid_to FROM spans)
            WHERE value IS NOT NULL;
            DROP TABLE tag_values;
            """);
    }
}
