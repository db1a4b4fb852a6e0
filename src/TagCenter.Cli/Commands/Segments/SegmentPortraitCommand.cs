using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Index;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands.Segments;

/// <summary>
/// <c>segment portrait &lt;name&gt; [--top N]</c>: the segment's portrait (画像) from the bitmap index: every
/// enum/bool value and numeric bucket, its share in the segment against everyone, and TGI, what stands out first.
/// </summary>
internal static class SegmentPortraitCommand
{
    public static Command Create(CliOptions o)
    {
        var name = new Argument<string>("name") { Description = o.Texts["opt.segment.name"] };
        var top = new Option<int>("--top") { Description = o.Texts["opt.segment.portrait.top"], DefaultValueFactory = _ => 20 };
        top.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
                r.AddError(o.Texts["segment.limit.bad"]);
        });
        var command = new Command("portrait", o.Texts["cmd.segment.portrait"]) { name, top };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            using var session = context.OpenReadOnly();
            var segment = SegmentWorkspace.All(session.Definition).Get(result.GetValue(name)!);
            using var index = TagIndex.OpenCurrent(session.Definition.Root, session.Database);
            var (run, report) = Compute(session.Database, index, segment.Name);
            var catalog = SegmentWorkspace.Published(session.Database);
            Print(context, segment.Name, run, report, catalog, result.GetValue(top));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The portrait of a segment's latest members, on the index of the last tag run.</summary>
    public static (SegmentRun Run, PortraitReport Report) Compute(WorkspaceDatabase db, ITagIndex index, string segment)
    {
        var run = SegmentWorkspace.LatestRun(db, segment);
        var members = IndexSegmentCounter.Ordinals(db, SegmentHistory.MembersAt, [segment, run.Seq]);
        return (run, Portrait.Of(index, members));
    }

    public static void Print(CliContext context, string segment, SegmentRun run, PortraitReport report, TagCatalog catalog, int top)
    {
        var t = context.Texts;
        string TagName(string code) => catalog.Find(code)?.Name ?? code;
        var rows = report.Rows.Take(top).ToList();
        if (context.Json)
        {
            JsonOutput.Write(new
            {
                name = segment,
                as_of = run.AsOf,
                size = report.SegmentSize,
                population = report.Population,
                rows = rows.Select(r => new
                {
                    tag = TagName(r.Tag),
                    code = r.Tag,
                    value = r.Value,
                    in_segment = r.InSegment,
                    segment_share = r.SegmentShare,
                    overall = r.Overall,
                    overall_share = r.OverallShare,
                    tgi = double.IsFinite(r.Tgi) ? r.Tgi : (double?)null,
                }),
            });
            return;
        }
        ConsoleOutput.Ok(t.Format("segment.portrait.title", segment, report.SegmentSize, report.Population, run.AsOf));
        if (report.SegmentSize == 0)
        {
            ConsoleOutput.Warn(t["segment.empty"]);
            return;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(t["segment.portrait.tag"]).AddColumn(t["segment.portrait.value"])
            .AddColumn(new TableColumn(t["segment.portrait.insegment"]).RightAligned())
            .AddColumn(new TableColumn(t["segment.portrait.share"]).RightAligned())
            .AddColumn(new TableColumn(t["segment.portrait.overall"]).RightAligned())
            .AddColumn(new TableColumn("TGI").RightAligned());
        foreach (var r in rows)
            table.AddRow(ConsoleOutput.Cell(TagName(r.Tag)), ConsoleOutput.Cell(r.Value), ConsoleOutput.Cell($"{r.InSegment:N0}"),
                ConsoleOutput.Cell($"{r.SegmentShare:P1}"), ConsoleOutput.Cell($"{r.OverallShare:P1}"),
                ConsoleOutput.Cell(double.IsFinite(r.Tgi) ? $"{r.Tgi:0}" : "—"));
        AnsiConsole.Write(table);
        ConsoleOutput.Grey(t["segment.portrait.hint"]);
    }
}
