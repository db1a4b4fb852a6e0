using TagCenter.Core.Realtime;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// Records segment entries and exits caused by events where segment passes record theirs: one evaluation number for
/// the batch, a <c>segment_runs</c> row of type <c>realtime</c> for each segment that changed (its size carried on
/// from the row before), the person's <c>segment_members</c> interval opened or closed at that number, and each change
/// in <see cref="RealtimeTables.Changes"/> for streams. Runs inside the caller's transaction.
/// </summary>
internal static class MembershipWriter
{
    public const string Type = "realtime";

    /// <summary>The dynamic segments of the context each of <paramref name="oneIds"/> is in now.</summary>
    public static Dictionary<string, HashSet<string>> Open(WorkspaceDatabase db, RealtimeContext context, IReadOnlyList<string> oneIds)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        if (context.Segments.Count == 0)
            return result;
        var names = context.Segments.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (oneId, rows) in PersonRows.Read(db, "segment_members", oneIds, "segment, oneid, to_seq"))
            result[oneId] = [.. rows.Where(r => r["to_seq"] is null && names.Contains((string)r["segment"]!)).Select(r => (string)r["segment"]!)];
        return result;
    }

    /// <summary>Records the entries and exits of <paramref name="updates"/>; returns them and the evaluation's number (0: none).</summary>
    public static (IReadOnlyList<MembershipChange> Changes, long Seq) Write(WorkspaceDatabase db, RealtimeContext context, IReadOnlyList<PersonUpdate> updates, string? tagRun, DateTime asOf, DateTime appliedAt)
    {
        var changes = updates.SelectMany(u => u.Entered.Select(s => (Update: u, Segment: s, Entered: true)).Concat(u.Left.Select(s => (Update: u, Segment: s, Entered: false)))).ToList();
        if (changes.Count == 0)
            return ([], 0);
        RealtimeTables.Ensure(db);
        var seq = SegmentHistory.NextSeq(db);
        var newPersons = updates.Count(u => u.Present && !u.HadRow) - updates.Count(u => !u.Present && u.HadRow);
        foreach (var segment in changes.GroupBy(c => c.Segment))
        {
            var rule = context.Segments.First(s => s.Name == segment.Key).Rule;
            var last = db.Rows("SELECT size, persons FROM segment_runs WHERE segment = $1 ORDER BY seq DESC LIMIT 1", segment.Key)[0];
            var entered = segment.Count(c => c.Entered);
            var left = segment.Count(c => !c.Entered);
            db.Execute("INSERT INTO segment_runs VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)", segment.Key, seq, Type, rule, tagRun,
                appliedAt, asOf, Convert.ToInt64(last[0]) + entered - left, (long)entered, (long)left, Convert.ToInt64(last[1]) + newPersons);
        }
        var id = db.Scalar<long>($"SELECT coalesce(max(id), 0) FROM {RealtimeTables.Changes}");
        var recorded = new List<MembershipChange>(changes.Count);
        foreach (var (update, segment, entered) in changes.OrderBy(c => c.Update.At).ThenBy(c => c.Update.OneId, StringComparer.Ordinal).ThenBy(c => c.Segment, StringComparer.Ordinal))
        {
            if (entered)
                db.Execute("INSERT INTO segment_members VALUES ($1, $2, $3, NULL)", segment, update.OneId, seq);
            else
                db.Execute("UPDATE segment_members SET to_seq = $3 WHERE segment = $1 AND oneid = $2 AND to_seq IS NULL", segment, update.OneId, seq);
            var change = new MembershipChange(++id, segment, update.OneId, entered, update.At);
            db.Execute($"INSERT INTO {RealtimeTables.Changes} VALUES ($1, $2, $3, $4, $5, $6)", change.Id, segment, update.OneId, entered, update.At.UtcDateTime, seq);
            recorded.Add(change);
        }
        return (recorded, seq);
    }
}
