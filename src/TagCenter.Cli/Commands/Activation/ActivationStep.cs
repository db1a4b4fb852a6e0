using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands.Activation;

/// <summary>
/// After a tag run and its segment pass (run, refresh, demo): triggers and experiments are evaluated over the changes
/// just recorded and what is due is delivered, one line each. A broken trigger file or a failing destination is
/// reported and never fails the tag run that already landed.
/// </summary>
internal static class ActivationStep
{
    public static ActivationRun? AfterSegments(CliContext context, WorkspaceDefinition definition, WorkspaceDatabase database, CancellationToken cancellationToken)
    {
        if (!ActivationWorkspace.Declared(definition))
            return null;
        var t = context.Texts;
        try
        {
            using var activation = ActivationWorkspace.Open(definition, database);
            var run = ConsoleOutput.Busy(context, t["activation.step"],
                () => ActivationRun.ExecuteAsync(activation, database, cancellationToken).GetAwaiter().GetResult());
            if (!context.Json)
                Print(run, t);
            return run;
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
            if (!context.Json)
                ConsoleOutput.Warn("! " + t.Format("activation.failed", e.Message.Split('\n')[0]));
            return null;
        }
    }

    public static void Print(ActivationRun run, Texts t)
    {
        var e = run.Evaluated.Enqueued;
        ConsoleOutput.Step(t["activation.step"], t.Format("activation.summary", e.Occurrences, e.Enqueued, run.Dispatched.Delivered, run.Dispatched.Dead),
            run.Dispatched.Elapsed);
        if (e.Duplicates + e.SkippedCap + e.SkippedConsent + e.Delayed + run.Evaluated.SegmentAlerts + run.Evaluated.Pushes > 0)
            ConsoleOutput.Grey("  " + t.Format("activation.detail", e.Duplicates, e.SkippedCap, e.SkippedConsent, e.Delayed, run.Evaluated.SegmentAlerts, run.Evaluated.Pushes));
        foreach (var d in run.Dispatched.Destinations)
            ConsoleOutput.Grey("  " + t.Format("activation.destination", d.Destination, d.Delivered, d.Deferred, d.Dead, d.Attempts, d.MeanLatencyMs));
    }
}
