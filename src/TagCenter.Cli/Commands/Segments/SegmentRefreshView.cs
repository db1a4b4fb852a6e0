using TagCenter.Cli.Console;
using TagCenter.DuckDb.Segments;

namespace TagCenter.Cli.Commands.Segments;

/// <summary>
/// The segment pass after a tag run (run, refresh, demo) on the console: one line per segment (size, entered, left),
/// and its problems. The pass itself is <c>WorkspacePipeline</c>'s.
/// </summary>
internal static class SegmentRefreshView
{
    public static void Print(SegmentPassReport pass, Texts t)
    {
        ConsoleOutput.Step(t["segment.step"], t.Format("segment.pass", pass.Runs.Count), pass.Elapsed);
        foreach (var run in pass.Runs)
            ConsoleOutput.Grey("  " + t.Format("segment.line", run.Segment, run.Size, run.Share, run.Entered, run.Left));
        foreach (var problem in pass.Problems)
            ConsoleOutput.Warn("! " + problem);
    }
}
