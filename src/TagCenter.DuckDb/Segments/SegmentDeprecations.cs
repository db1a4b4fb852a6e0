using TagCenter.Core.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Segments;

/// <summary>
/// The segments published as deprecated (<c>segment_deprecations</c>: name, reason, when): <c>apply</c> writes what
/// the files say, so <c>plan</c> shows a new <c>deprecated:</c> as a change until it is applied.
/// </summary>
public static class SegmentDeprecations
{
    public static IReadOnlyDictionary<string, string> Load(WorkspaceDatabase db) =>
        !db.TableExists("segment_deprecations") ? new Dictionary<string, string>()
            : db.Rows("SELECT name, reason FROM segment_deprecations").ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.Ordinal);

    /// <summary>Replaces the published deprecations with those of <paramref name="segments"/>; a segment keeps its date while its reason stays.</summary>
    public static void Publish(WorkspaceDatabase db, IReadOnlyList<SegmentDefinition> segments, DateTime at)
    {
        db.Execute("CREATE TABLE IF NOT EXISTS segment_deprecations (name VARCHAR PRIMARY KEY, reason VARCHAR NOT NULL, deprecated_at TIMESTAMP NOT NULL)");
        var before = db.Rows("SELECT name, reason, deprecated_at FROM segment_deprecations").ToDictionary(r => (string)r[0]!, r => ((string)r[1]!, (DateTime)r[2]!), StringComparer.Ordinal);
        db.InTransaction(() =>
        {
            db.Execute("DELETE FROM segment_deprecations");
            foreach (var segment in segments.Where(s => s.Deprecated is not null).DistinctBy(s => s.Name))
                db.Execute("INSERT INTO segment_deprecations VALUES ($1, $2, $3)", segment.Name, segment.Deprecated,
                    before.TryGetValue(segment.Name, out var b) && b.Item1 == segment.Deprecated ? b.Item2 : at);
        });
    }
}
