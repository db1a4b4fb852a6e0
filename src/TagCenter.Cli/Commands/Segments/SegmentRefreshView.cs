using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands.Segments;

/// <summary>
/// After a tag run (run, refresh, demo): the dynamic segments are re-evaluated over its data, one line per segment
/// (size, entered, left). A segment whose rule is broken is reported and skipped; it never fails the tag run.
/// </summary>
internal static class SegmentRefreshView
{
    public static SegmentPassReport? AfterTagRun(CliContext context, WorkspaceDefinition definition, WorkspaceDatabase database,
        TagRunReport report, CancellationToken cancellationToken)
    {
        var pass = Evaluate(context, definition, database, report, cancellationToken);
        // Then triggers and experiments act on what this run changed.
        Activation.ActivationStep.AfterSegments(context, definition, database, cancellationToken);
        return pass;
    }

    private static SegmentPassReport? Evaluate(CliContext context, WorkspaceDefinition definition, WorkspaceDatabase database,
        TagRunReport report, CancellationToken cancellationToken)
    {
        var t = context.Texts;
        try
        {
            var (segments, boards) = SegmentWorkspace.Load(definition);
            var due = SegmentPass.Due(database, segments, boards);
            if (due.Count == 0 || PublishedCatalog.Load(database) is not { } catalog)
                return null;
            var pass = ConsoleOutput.Busy(context, t["segment.step"],
                () => SegmentPass.Run(database, catalog, due, report.AsOf, report.RunId, TimeProvider.System, cancellationToken));
            if (!context.Json)
                Print(pass, t);
            return pass;
        }
        catch (WorkspaceException e)
        {
            if (!context.Json)
                foreach (var d in e.Diagnostics)
                    ConsoleOutput.Warn("! " + d);
            return null;
        }
        catch (EngineException e)
        {
            // A rule that fails on the data (an overflow, a bad cast) must not undo the tag run that already landed.
            if (!context.Json)
                ConsoleOutput.Warn("! " + t.Format("segment.failed", e.Message.Split('\n')[0]));
            return null;
        }
    }

    public static void Print(SegmentPassReport pass, Texts t)
    {
        ConsoleOutput.Step(t["segment.step"], t.Format("segment.pass", pass.Runs.Count), pass.Elapsed);
        foreach (var run in pass.Runs)
            ConsoleOutput.Grey("  " + t.Format("segment.line", run.Segment, run.Size, run.Share, run.Entered, run.Left));
        foreach (var problem in pass.Problems)
            ConsoleOutput.Warn("! " + problem);
    }
}

/// <summary>A segment pass as JSON: each segment's size, entered and left (diagnostics as text).</summary>
internal sealed record SegmentPassReportView(long Seq, IReadOnlyList<SegmentRunView> Runs, IReadOnlyList<string> Problems, TimeSpan Elapsed)
{
    public static SegmentPassReportView? Of(SegmentPassReport? pass) => pass is null ? null
        : new(pass.Seq, [.. pass.Runs.Select(r => new SegmentRunView(r.Segment, r.Type, r.Size, r.Share, r.Entered, r.Left))], [.. pass.Problems.Select(p => p.ToString())], pass.Elapsed);
}

internal sealed record SegmentRunView(string Name, string Type, long Size, double Share, long Entered, long Left);
