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

/// <summary>A segment pass as JSON: each segment's size, entered and left (diagnostics as text).</summary>
internal sealed record SegmentPassReportView(long Seq, IReadOnlyList<SegmentRunView> Runs, IReadOnlyList<string> Problems, TimeSpan Elapsed)
{
    public static SegmentPassReportView? Of(SegmentPassReport? pass) => pass is null ? null
        : new(pass.Seq, [.. pass.Runs.Select(r => new SegmentRunView(r.Segment, r.Type, r.Size, r.Share, r.Entered, r.Left))], [.. pass.Problems.Select(p => p.ToString())], pass.Elapsed);
}

internal sealed record SegmentRunView(string Name, string Type, long Size, double Share, long Entered, long Left);
