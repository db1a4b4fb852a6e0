using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// The log of segment changes made by events (<c>segment_changes</c>): one row per person entering or leaving a
/// dynamic segment, numbered in the order recorded (<c>id</c>, what a stream resumes from with <c>Last-Event-ID</c>),
/// with the time the events that caused it arrived (<c>arrived_at</c>, UTC). The membership itself is kept where batch passes keep it
/// (<c>segment_members</c> intervals, <c>segment_runs</c> rows of type <c>realtime</c>); this table only orders the
/// changes for subscribers.
/// </summary>
internal static class RealtimeTables
{
    public const string Changes = "segment_changes";

    public static void Ensure(WorkspaceDatabase db) => db.Execute("""
        CREATE TABLE IF NOT EXISTS segment_changes (id BIGINT NOT NULL, segment VARCHAR NOT NULL, oneid VARCHAR NOT NULL, entered BOOLEAN NOT NULL, arrived_at TIMESTAMP NOT NULL, seq BIGINT NOT NULL);
        """);
}
