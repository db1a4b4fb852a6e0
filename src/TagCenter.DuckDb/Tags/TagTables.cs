using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tags;

internal static class TagTables
{
    public static void Ensure(WorkspaceDatabase db) => db.Execute("""
        CREATE TABLE IF NOT EXISTS tag_runs (
            run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, as_of TIMESTAMP, tags VARCHAR, persons BIGINT, status VARCHAR);
        CREATE TABLE IF NOT EXISTS tag_values (run_id VARCHAR, oneid VARCHAR, tag VARCHAR, value VARCHAR);
        """);
}
