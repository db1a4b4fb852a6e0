using TagCenter.Core.Activation;
using TagCenter.Core.Realtime;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// The changes of one real-time update as triggers read them (<see cref="PersonChange"/>), named exactly as a batch
/// trigger pass names the same rows of history (<c>s&lt;seq&gt;</c> for the segment evaluation, <c>r&lt;run&gt;</c> for the
/// tag run): the real-time path and a later batch pass that reads <c>segment_members</c> and <c>tag_history</c> hand in
/// the same occurrence, so it is delivered once. Tag values are the history's text (the engine's cast), as the batch
/// pass reads them.
/// </summary>
internal static class RealtimeChanges
{
    public static IReadOnlyList<PersonChange> Of(WorkspaceDatabase db, IReadOnlyList<PersonUpdate> updates, (string RunId, int Seq)? run,
        IReadOnlyList<MembershipChange> memberships, long segmentSeq)
    {
        var changes = new List<PersonChange>();
        var at = updates.ToDictionary(u => u.OneId, u => u.At, StringComparer.Ordinal);
        if (run is { } r)
        {
            var ids = updates.Where(u => u.TagsChanged).Select(u => u.OneId).ToList();
            var values = new Dictionary<(string OneId, string Tag), (string? Before, string? After)>();
            for (var i = 0; i < ids.Count; i += 500)
            {
                var part = ids.GetRange(i, Math.Min(500, ids.Count - i));
                var list = OneIdList.In(part.Count, first: 2);
                foreach (var row in db.Rows($"""
                    SELECT oneid, tag, value, valid_from = $1 FROM tag_history
                    WHERE (valid_from = $1 OR valid_to = $1) AND oneid {list}
                    """, [r.Seq, .. part]))
                {
                    var key = ((string)row[0]!, (string)row[1]!);
                    var (before, after) = values.GetValueOrDefault(key);
                    values[key] = (bool)row[3]! ? (before, (string?)row[2]) : ((string?)row[2], after);
                }
            }
            changes.AddRange(values.Where(v => v.Value.Before != v.Value.After)
                .Select(v => new PersonChange(v.Key.OneId, ChangeKind.TagChanged, v.Key.Tag, v.Value.Before, v.Value.After, at[v.Key.OneId], "r" + r.RunId)));
        }
        changes.AddRange(memberships.Select(m =>
            new PersonChange(m.OneId, m.Entered ? ChangeKind.Entered : ChangeKind.Left, m.Segment, null, null, m.At, "s" + segmentSeq)));
        return [.. changes.OrderBy(c => c.At).ThenBy(c => c.Person, StringComparer.Ordinal).ThenBy(c => c.Kind).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }
}
