using TagCenter.Cli.Console;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands.Segments;

/// <summary>The demo's segments section: each declared segment counted (with the time the count took) and the first crowd board.</summary>
internal static class SegmentDemoView
{
    public static void Print(CliContext context, WorkspaceDefinition definition, WorkspaceDatabase database)
    {
        var t = context.Texts;
        if (context.Json || !database.TableExists("dim_person") || TagCenter.DuckDb.Tags.PublishedCatalog.Load(database) is not { } catalog)
            return;
        var (segments, boards) = SegmentWorkspace.Load(definition);
        if (segments.Segments.Count == 0)
            return;
        ISegmentCounter counter = new SegmentEvaluator(database, catalog, SegmentWorkspace.AsOf(database, definition));
        var counts = segments.Segments.Select(s => (s.Name, Count: counter.Count(s))).ToList();
        var line = string.Join(" · ", counts.Select(c => t.Format("segment.demo", $"{c.Name} {c.Count.Size:N0}", c.Count.Elapsed.TotalMilliseconds)));
        ConsoleOutput.Step(t["segment.step"], line, TimeSpan.FromTicks(counts.Sum(c => c.Count.Elapsed.Ticks)));
        if (boards.Boards.Count > 0)
            BoardCommand.Print(boards.Boards[0], BoardFigures.Of(database, boards.Boards[0]), t);
    }
}
