using Spectre.Console;
using TagCenter.DuckDb.Ingest;

namespace TagCenter.Cli.Console;

/// <summary>Renders load outcomes: the accounting line per source, then the reasons rows were set aside.</summary>
internal static class LoadResultsView
{
    public static Table Table(IReadOnlyList<SourceLoadResult> results, Texts t)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(t["col.source"]).AddColumn(new TableColumn(t["col.read"]).RightAligned())
            .AddColumn(new TableColumn(t["col.loaded"]).RightAligned()).AddColumn(new TableColumn(t["col.quarantined"]).RightAligned())
            .AddColumn(new TableColumn(t["col.nulled"]).RightAligned()).AddColumn(new TableColumn(t["col.time"]).RightAligned());
        foreach (var r in results)
        {
            if (r.Report is not { } report)
            {
                table.AddRow(new Markup($"[red]✘ {Markup.Escape(r.Source)}[/]"), new Markup("[red]—[/]"),
                    Text.Empty, Text.Empty, Text.Empty, Text.Empty);
                continue;
            }
            var name = report.Status == LoadStatus.Unchanged ? $"{report.Source} ({t["load.unchanged"]})" : report.Source;
            table.AddRow(Markup.Escape(name), $"{report.Read:N0}", $"[green]{report.Loaded:N0}[/]",
                report.Quarantined > 0 ? $"[yellow]{report.Quarantined:N0}[/]" : "0", $"{report.Nulled:N0}",
                $"{report.Elapsed.TotalSeconds:0.0}s");
        }
        return table;
    }

    /// <summary>One line per source under the table: its top reasons, or the error that stopped it.</summary>
    public static IEnumerable<string> ReasonLines(IReadOnlyList<SourceLoadResult> results, Texts t) =>
        results.Select(r => r.Report is { } report
                ? report.TopReasons.Count == 0 ? null : $"  {Markup.Escape(r.Source)}: [grey]{Markup.Escape(Reasons(report.TopReasons, t, 3))}[/]"
                : $"  [red]{Markup.Escape(r.Source)}: {Markup.Escape(r.Error ?? "")}[/]")
            .OfType<string>();

    /// <summary>
    /// Why rows were set aside, then (apart) which values were only nulled: "隔离: 重复(member_no) 407 · 置空: 手机号无效(phone) 2,462".
    /// </summary>
    public static string Reasons(IEnumerable<ReasonCount> reasons, Texts t, int take)
    {
        var list = reasons.ToList();
        string Part(string action, string label)
        {
            var picked = list.Where(r => r.Action == action).Take(take).ToList();
            return picked.Count == 0 ? "" : $"{t[label]}: " + string.Join(" · ",
                picked.Select(r => $"{t.Reason(r.Reason)}{(r.Column is null ? "" : $"({r.Column})")} {r.Count:N0}"));
        }
        return string.Join("  |  ", new[] { Part("quarantined", "reasons.quarantined"), Part("nulled", "reasons.nulled") }.Where(p => p.Length > 0));
    }

    /// <summary>Reasons summed over all sources, for the one-line summary.</summary>
    public static IEnumerable<ReasonCount> Overall(IEnumerable<SourceLoadResult> results) =>
        results.Where(r => r.Report is not null).SelectMany(r => r.Report!.TopReasons)
            .GroupBy(r => (r.Reason, r.Action)).Select(g => new ReasonCount(g.Key.Reason, null, g.Sum(x => x.Count)) { Action = g.Key.Action })
            .OrderByDescending(r => r.Count);

    public static object Json(IReadOnlyList<SourceLoadResult> results) => TagCenter.DuckDb.Pipeline.PipelineJson.Loads(results);
}
