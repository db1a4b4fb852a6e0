using TagCenter.Core.Realtime;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Realtime;

/// <summary>Reads the segment changes events caused (<see cref="RealtimeTables.Changes"/>), for streams resuming after an id.</summary>
public static class SegmentChanges
{
    /// <summary>The changes of <paramref name="segment"/> recorded after <paramref name="afterId"/>, oldest first (at most <paramref name="limit"/>).</summary>
    public static IReadOnlyList<MembershipChange> After(WorkspaceDatabase db, string segment, long afterId, int limit = 10_000) =>
        !db.TableExists(RealtimeTables.Changes) ? []
            : [.. db.Rows($"SELECT id, segment, oneid, entered, arrived_at FROM {RealtimeTables.Changes} WHERE segment = $1 AND id > $2 ORDER BY id LIMIT {limit}", segment, afterId)
                .Select(r => new MembershipChange(Convert.ToInt64(r[0]), (string)r[1]!, (string)r[2]!, (bool)r[3]!, new DateTimeOffset(DateTime.SpecifyKind((DateTime)r[4]!, DateTimeKind.Utc))))];

    /// <summary>The id of the last recorded change (0: none), where a new subscriber without <c>Last-Event-ID</c> starts.</summary>
    public static long Last(WorkspaceDatabase db) =>
        db.TableExists(RealtimeTables.Changes) ? db.Scalar<long>($"SELECT coalesce(max(id), 0) FROM {RealtimeTables.Changes}") : 0;
}
