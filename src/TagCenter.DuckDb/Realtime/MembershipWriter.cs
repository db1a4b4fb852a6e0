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
        var recorded = changes.OrderBy(c => c.Update.At).ThenBy(c => c.Update.OneId, StringComparer.Ordinal).ThenBy(c => c.Segment, StringComparer.Ordinal)
            .Select(c => new MembershipChange(++id, c.Segment, c.Update.OneId, c.Entered, c.Update.At)).ToList();
        // A person enters or leaves a segment once per batch, so the closes and opens touch different intervals:
        // each kind is one statement (per chunk of parameters), not one round trip per change.
        foreach (var part in recorded.Where(c => !c.Entered).Chunk(ChunkSize))
            db.Execute($"""
                UPDATE segment_members SET to_seq = $1 FROM (VALUES {Rows(part.Length, 2, 2)}) v(segment, oneid)
                WHERE segment_members.segment = v.segment AND segment_members.oneid = v.oneid AND segment_members.to_seq IS NULL
                """, [seq, .. part.SelectMany(c => new object?[] { c.Segment, c.OneId })]);
        foreach (var part in recorded.Where(c => c.Entered).Chunk(ChunkSize))
            db.Execute($"INSERT INTO segment_members SELECT segment, oneid, $1, NULL FROM (VALUES {Rows(part.Length, 2, 2)}) v(segment, oneid)",
                [seq, .. part.SelectMany(c => new object?[] { c.Segment, c.OneId })]);
        foreach (var part in recorded.Chunk(ChunkSize))
            db.Execute($"INSERT INTO {RealtimeTables.Changes} SELECT id, segment, oneid, entered, arrived_at, $1 FROM (VALUES {Rows(part.Length, 5, 2)}) v(id, segment, oneid, entered, arrived_at) ORDER BY id",
                [seq, .. part.SelectMany(c => new object?[] { c.Id, c.Segment, c.OneId, c.Entered, c.At.UtcDateTime })]);
        return (recorded, seq);
    }

    /// <summary>Changes per statement at most.</summary>
    private const int ChunkSize = 200;

    /// <summary><paramref name="count"/> rows of <paramref name="width"/> parameters each, numbered from <paramref name="first"/>.</summary>
    private static string Rows(int count, int width, int first) => string.Join(", ", Enumerable.Range(0, count)
        .Select(r => "(" + string.Join(", ", Enumerable.Range(0, width).Select(c => "$" + (first + r * width + c))) + ")"));
}
