using TagCenter.Cli.Console;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands.Segments;

/// <summary>The demo's segments section: each declared segment counted (with the time the count took) and the first crowd board.</summary>
internal static class SegmentDemoView
{
    /// <summary>The demo segment whose portrait the demo prints.</summary>
    private const string PortraitSegment = "高价值沉默";

    public static void Print(CliContext context, WorkspaceDefinition definition, WorkspaceDatabase database)
    {
        var t = context.Texts;
        if (context.Json || !database.TableExists("dim_person") || TagCenter.DuckDb.Tags.PublishedCatalog.Load(database) is not { } catalog)
            return;
        var (segments, boards) = SegmentWorkspace.Load(definition);
        if (segments.Segments.Count == 0)
            return;
        var asOf = SegmentWorkspace.AsOf(database, definition);
        var sql = new SegmentEvaluator(database, catalog, asOf);
        using var index = TagIndex.OpenIfCurrent(definition.Root, database);
        ISegmentCounter counter = index is null ? sql : new IndexSegmentCounter(sql, index);
        // Each segment counted on the index, and again in SQL over the data for comparison.
        var counts = segments.Segments.Select(s => (s.Name, Count: counter.Count(s), Sql: sql.Count(s))).ToList();
        var line = string.Join(" · ", counts.Select(c => t.Format("segment.demo", $"{c.Name} {c.Count.Size:N0}", c.Count.Elapsed.TotalMilliseconds, c.Sql.Elapsed.TotalMilliseconds)));
        ConsoleOutput.Step(t["segment.step"], line, TimeSpan.FromTicks(counts.Sum(c => c.Count.Elapsed.Ticks)));
        ConsoleOutput.Grey("  " + t["segment.engine." + counts[0].Count.Engine]);
        if (boards.Boards.Count > 0)
            BoardCommand.Print(boards.Boards[0], BoardFigures.Of(database, boards.Boards[0]), t);
        if (index is not null && segments.Segments.FirstOrDefault(s => s.Name == PortraitSegment) is { } portrayed)
        {
            var (run, report) = SegmentPortraitCommand.Compute(database, index, portrayed.Name);
            SegmentPortraitCommand.Print(context, portrayed.Name, run, report, catalog, top: 8);
        }
    }
}
