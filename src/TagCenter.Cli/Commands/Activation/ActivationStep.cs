using TagCenter.Cli.Console;
using TagCenter.DuckDb.Activation;

namespace TagCenter.Cli.Commands.Activation;

/// <summary>
/// The console face of the pipeline's activation step (<see cref="ActivationPass"/>, after run, refresh, demo): what
/// the triggers enqueued and delivered, one line each; a broken trigger file or an engine error as a warning (the
/// tag run that already landed stands).
/// </summary>
internal static class ActivationStep
{
    public static void Print(CliContext context, ActivationPassReport? report)
    {
        if (report is null || context.Json)
            return;
        var t = context.Texts;
        foreach (var d in report.Diagnostics)
            ConsoleOutput.Warn("! " + d);
        if (report.EngineError is { } error)
            ConsoleOutput.Warn("! " + t.Format("activation.failed", error));
        if (report.Run is { } run)
            Print(run, t);
    }

    public static void Print(ActivationRun run, Texts t)
    {
        var e = run.Evaluated.Enqueued;
        var dispatched = run.Dispatched;
        ConsoleOutput.Step(t["activation.step"], t.Format("activation.summary", e.Occurrences, e.Enqueued, dispatched?.Delivered ?? 0, dispatched?.Dead ?? 0),
            dispatched?.Elapsed ?? TimeSpan.Zero);
        if (e.Duplicates + e.SkippedCap + e.SkippedConsent + e.Delayed + run.Evaluated.SegmentAlerts + run.Evaluated.Pushes > 0)
            ConsoleOutput.Grey("  " + t.Format("activation.detail", e.Duplicates, e.SkippedCap, e.SkippedConsent, e.Delayed, run.Evaluated.SegmentAlerts, run.Evaluated.Pushes));
        foreach (var d in dispatched?.Destinations ?? [])
            ConsoleOutput.Grey("  " + t.Format("activation.destination", d.Destination, d.Delivered, d.Deferred, d.Dead, d.Attempts, d.MeanLatencyMs));
    }
}
