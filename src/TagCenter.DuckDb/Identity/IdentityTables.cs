using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Identity;

internal static class IdentityTables
{
    public static void Ensure(WorkspaceDatabase db) => db.Execute("""
        CREATE TABLE IF NOT EXISTS identity_runs (
            run_id VARCHAR PRIMARY KEY, run_at TIMESTAMP, identifiers BIGINT, edges BIGINT, persons BIGINT,
            conflicts BIGINT, blocked BIGINT, merges BIGINT, splits BIGINT, largest_person INTEGER);
        CREATE TABLE IF NOT EXISTS identity_history (
            run_id VARCHAR, happened_at TIMESTAMP, kind VARCHAR, oneid VARCHAR, other_oneid VARCHAR, cause VARCHAR);
        CREATE TABLE IF NOT EXISTS identity_conflicts (
            run_id VARCHAR, from_type VARCHAR, from_value VARCHAR, to_type VARCHAR, to_value VARCHAR, limited_type VARCHAR, "limit" INTEGER);
        CREATE TABLE IF NOT EXISTS identity_map (
            node INTEGER, type VARCHAR, value VARCHAR, oneid VARCHAR, cluster VARCHAR, first_seen TIMESTAMP, occurrences BIGINT, entity VARCHAR);
        CREATE TABLE IF NOT EXISTS identity_oneids (oneid VARCHAR, born BIGINT, run_id VARCHAR);
        """);
}
