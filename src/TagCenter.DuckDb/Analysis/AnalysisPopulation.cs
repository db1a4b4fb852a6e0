using TagCenter.Core.Analysis;
using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Analysis;

/// <summary>
/// What the analyses (funnel, paths, conversion) of the CLI and the server share beside their queries: a segment's
/// members at an evaluation as their population, and the data's "now" (the last event) as the default as-of.
/// </summary>
public static class AnalysisPopulation
{
    /// <summary>The members of <paramref name="run"/> of segment <paramref name="segment"/>.</summary>
    public static Population OfSegment(string segment, SegmentRun run) => Population.FromQuery(
        $"SELECT oneid FROM segment_members WHERE segment = {SqlText.Literal(segment)} AND from_seq <= {run.Seq} AND (to_seq IS NULL OR to_seq > {run.Seq})",
        segment);

    /// <summary>The time of the last event in the log (the data's "now"), else the wall time in the workspace's zone.</summary>
    public static DateTime DataNow(WorkspaceDatabase db, WorkspaceDefinition workspace, TimeProvider time)
    {
        EventLog.Require(db);
        return db.Scalar<DateTime?>($"SELECT max(event_time) FROM {EventLog.Relation(db)} l") ?? WorkspaceSegments.Now(workspace, time);
    }
}
