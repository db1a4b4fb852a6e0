using TagCenter.DuckDb.Storage;

namespace TagCenter.Server.Consumer;

/// <summary>
/// The consumer's applied offset, kept in the workspace database and written in the same transaction as the rows it
/// applied, so after any crash the database holds a batch's rows exactly when it holds the offset past them:
/// replaying from the stored offset applies every record exactly once.
/// </summary>
internal static class ConsumerOffsets
{
    public const string Consumer = "events";

    public static void Ensure(WorkspaceDatabase db) => db.Execute("""
        CREATE TABLE IF NOT EXISTS ingest_offsets (consumer VARCHAR PRIMARY KEY, next_offset BIGINT NOT NULL, applied_at TIMESTAMP)
        """);

    public static long Read(WorkspaceDatabase db) =>
        db.Scalar<long?>("SELECT next_offset FROM ingest_offsets WHERE consumer = $1", Consumer) ?? 0;

    /// <summary>Call inside the transaction that applied the records below <paramref name="next"/>.</summary>
    public static void Write(WorkspaceDatabase db, long next, DateTime at) =>
        db.Execute("INSERT OR REPLACE INTO ingest_offsets VALUES ($1, $2, $3)", Consumer, next, at);
}
