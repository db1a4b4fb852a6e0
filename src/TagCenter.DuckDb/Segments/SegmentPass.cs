using TagCenter.Core.Diagnostics;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Segments;

/// <summary>What one pass over the segments did: each evaluated segment's run, and the rules that could not be evaluated.</summary>
public sealed record SegmentPassReport(long Seq, IReadOnlyList<SegmentRun> Runs, IReadOnlyList<Diagnostic> Problems, TimeSpan Elapsed);

/// <summary>
/// Evaluates segments together in one statement and records each as changes: after every tag run the dynamic
/// segments (and the crowds written inline in boards), a static segment only once (when it is created).
/// </summary>
public static class SegmentPass
{
    /// <summary>The segments a pass after a tag run evaluates: dynamic ones, inline board crowds, and static ones never evaluated yet.</summary>
    public static IReadOnlyList<SegmentDefinition> Due(WorkspaceDatabase db, SegmentCatalog segments, BoardCatalog boards)
    {
        var evaluated = SegmentHistory.Latest(db);
        return [.. segments.Segments.Where(s => s.Type == SegmentType.Dynamic || !evaluated.ContainsKey(s.Name)), .. boards.InlineSegments];
    }

    /// <summary>Evaluates <paramref name="segments"/> as of <paramref name="asOf"/> over the published tags and records them.</summary>
    public static SegmentPassReport Run(WorkspaceDatabase db, TagCatalog catalog, IReadOnlyList<SegmentDefinition> segments, DateTime asOf,
        string? tagRun, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (segments.Count == 0)
            return new SegmentPassReport(0, [], [], watch.Elapsed);
        var evaluator = new SegmentEvaluator(db, catalog, asOf);
        var (evaluated, problems) = evaluator.Evaluate(segments, cancellationToken);
        var seq = SegmentHistory.NextSeq(db);
        var at = time.GetUtcNow().UtcDateTime;
        var runs = evaluated.Select((s, i) => SegmentHistory.Record(db, seq, s, SegmentRule.Code(i), tagRun, asOf, at)).ToList();
        return new SegmentPassReport(seq, runs, problems, watch.Elapsed);
    }

    /// <summary>The latest successful tag run: its id and as-of (segments are evaluated over the data that run saw).</summary>
    public static (string? RunId, DateTime? AsOf) LatestTagRun(WorkspaceDatabase db)
    {
        if (!db.TableExists("tag_runs"))
            return (null, null);
        var row = db.Rows("SELECT run_id, as_of FROM tag_runs WHERE status = 'ok' ORDER BY finished_at DESC LIMIT 1").FirstOrDefault();
        return row is null ? (null, null) : ((string?)row[0], (DateTime?)row[1]);
    }
}
