using TagCenter.Core.Diagnostics;
using TagCenter.Core.Segments;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Pipeline;

/// <summary>
/// After a tag run: the dynamic segments are re-evaluated over its data. A segment whose rule is broken is reported
/// and skipped; it never fails the tag run that already landed.
/// </summary>
internal static class SegmentRefresh
{
    public static SegmentPassReport? AfterTagRun(WorkspaceDatabase db, WorkspaceDefinition definition, TagRunReport report,
        IPipelineProgress progress, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            var segments = SegmentCatalog.Load(definition.Root);
            var due = SegmentPass.Due(db, segments, BoardCatalog.Load(definition.Root, segments));
            if (due.Count == 0 || PublishedCatalog.Load(db) is not { } catalog)
                return null;
            var pass = progress.Step(PipelineStep.Segments, null,
                () => SegmentPass.Run(db, catalog, due, report.AsOf, report.RunId, time, cancellationToken));
            progress.SegmentsEvaluated(pass);
            return pass;
        }
        catch (WorkspaceException e)
        {
            progress.SegmentsFailed(e.Diagnostics, null);
            return null;
        }
        catch (EngineException e)
        {
            // A rule that fails on the data (an overflow, a bad cast) must not undo the tag run that already landed.
            progress.SegmentsFailed([], e.Message.Split('\n')[0]);
            return null;
        }
    }
}
