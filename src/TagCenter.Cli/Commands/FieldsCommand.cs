using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Fields;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Fields;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter fields [--out DIR]</c>: the field inventory (字段盘点) with each field's class and evidence. Read-only.</summary>
internal static class FieldsCommand
{
    public static Command Create(CliOptions o)
    {
        var output = new Option<string?>("--out") { Description = o.Texts["fields.opt.out"] };
        var command = new Command("fields", o.Texts["fields.cmd"]) { output };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            var report = Build(session.Definition, session.Database);
            if (report.Fields.Count == 0)
                throw new NotFoundException(t["fields.none"]);
            var written = new List<string>();
            if (result.GetValue(output) is { } folder)
            {
                var full = WorkspaceFiles.OutputFolder(folder);
                WorkspaceFiles.Write(Path.Combine(full, "field-inventory.md"), FieldInventoryExport.Markdown(report.Fields), written);
                WorkspaceFiles.Write(Path.Combine(full, "field-inventory.csv"), FieldInventoryExport.Csv(report.Fields), written, new System.Text.UTF8Encoding(true)); // BOM: Excel then reads Chinese right
            }
            if (context.Json)
            {
                JsonOutput.Write(new FieldsResult(report.Fields.Select(FieldView.Of).ToList(), report.Elapsed, written));
                return ExitCodes.Ok;
            }
            foreach (var table in report.Fields.GroupBy(f => f.Table))
                AnsiConsole.Write(Table(table.ToList(), t));
            Summary(report, t);
            if (written.Count == 2)
                ConsoleOutput.Ok(t.Format("fields.written", written[0], written[1]));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The inventory of an open workspace, as of now.</summary>
    public static FieldInventoryReport Build(WorkspaceDefinition definition, WorkspaceDatabase database) =>
        FieldInventory.Build(database, definition, TagCatalog.Load(definition.Root), WorkspaceClock.For(definition).GetLocalNow().DateTime);

    /// <summary>
    /// For <c>demo</c>: the top of the inventory after a refresh — per table its rows and classes, then the
    /// redundant fields with their evidence. Prints nothing with <c>--json</c>.
    /// </summary>
    public static void PrintTop(CliContext context, WorkspaceDefinition definition, WorkspaceDatabase database, int redundant = 8)
    {
        if (context.Json)
            return;
        var t = context.Texts;
        var report = Build(definition, database);
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(t["fields.top"]))
            .AddColumn(t["fields.col.table"]).AddColumn(new TableColumn(t["fields.col.rows"]).RightAligned())
            .AddColumn(new TableColumn(t["fields.class.core"]).RightAligned()).AddColumn(new TableColumn(t["fields.class.auxiliary"]).RightAligned())
            .AddColumn(new TableColumn(t["fields.class.redundant"]).RightAligned());
        foreach (var group in report.Fields.GroupBy(f => f.Table))
            table.AddRow(ConsoleOutput.Cell(group.Key), ConsoleOutput.Cell(group.First().Stats.Rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
                ConsoleOutput.Cell(Count(group, FieldClass.Core)), ConsoleOutput.Cell(Count(group, FieldClass.Auxiliary)), ConsoleOutput.Cell(Count(group, FieldClass.Redundant)));
        AnsiConsole.Write(table);
        foreach (var field in report.Fields.Where(f => f.Class == FieldClass.Redundant).Take(redundant))
            ConsoleOutput.Grey($"  {t["fields.class.redundant"]}: {field.Table}.{field.Column} — {string.Join("; ", field.Evidence)}");
        Summary(report, t);
        ConsoleOutput.Grey(t.Format("fields.more", definition.Root));
    }

    private static string Count(IEnumerable<FieldProfile> fields, FieldClass c) =>
        fields.Count(f => f.Class == c).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void Summary(FieldInventoryReport report, Texts t)
    {
        ConsoleOutput.Grey(t.Format("fields.approx", FieldInventory.DefaultExactBelow));
        ConsoleOutput.Ok(t.Format("fields.summary", report.Tables, report.Fields.Count, report.Count(FieldClass.Core),
            report.Count(FieldClass.Auxiliary), report.Count(FieldClass.Redundant), report.Elapsed.TotalSeconds));
        foreach (var f in report.Fields.Where(f => f.PinDisagrees))
            ConsoleOutput.Warn($"! {f.Table}.{f.Column}: " + t.Format("fields.ev.pin_disagrees", FieldInventoryExport.ClassName(f.Pin!.Class),
                FieldInventoryExport.ClassName(f.EvidenceClass!.Value)));
    }

    private static Table Table(List<FieldProfile> fields, Texts t)
    {
        var first = fields[0];
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(first.Table)}[/] [grey]{Markup.Escape(first.Source)} · {first.Stats.Rows:N0}[/]")
            .AddColumn(t["fields.col.column"]).AddColumn(t["fields.col.type"]).AddColumn(new TableColumn(t["fields.col.null"]).RightAligned())
            .AddColumn(new TableColumn(t["fields.col.distinct"]).RightAligned()).AddColumn(t["fields.col.values"])
            .AddColumn(new TableColumn(t["fields.col.cleansing"]).RightAligned()).AddColumn(t["fields.col.class"]).AddColumn(t["fields.col.evidence"]);
        foreach (var f in fields)
        {
            var values = f.Stats.Top.Count > 0 && f.Stats.Distinct <= 50 ? FieldInventoryExport.Top(f.Stats, 3)
                : f.Stats.Min is null ? "" : $"{f.Stats.Min} … {f.Stats.Max}";
            var cleansing = f.Quarantined == 0 && f.Nulled == 0 ? "" : $"{FieldInventoryExport.Percent(f.Quarantined)} / {FieldInventoryExport.Percent(f.Nulled)}";
            var color = f.Class switch { FieldClass.Core => "green", FieldClass.Redundant => "yellow", _ => "default" };
            table.AddRow(ConsoleOutput.Cell(f.Column), ConsoleOutput.Cell(f.Stats.SqlType), ConsoleOutput.Cell(FieldInventoryExport.Percent(f.NullShare + f.EmptyShare)),
                ConsoleOutput.Cell(FieldInventoryExport.Distinct(f.Stats)), ConsoleOutput.Cell(values), ConsoleOutput.Cell(cleansing),
                new Markup($"[{color}]{Markup.Escape(t["fields.class." + FieldInventoryExport.ClassName(f.Class)])}[/]"
                    + (f.Pin is null ? "" : f.PinDisagrees ? $" [red]📌 {Markup.Escape(t["fields.pinned"])}[/]" : $" [grey]📌 {Markup.Escape(t["fields.pinned"])}[/]")),
                ConsoleOutput.Cell(string.Join("; ", f.Evidence)));
        }
        return table;
    }

    private sealed record FieldsResult(IReadOnlyList<FieldView> Fields, TimeSpan Elapsed, IReadOnlyList<string> Written);

    private sealed record FieldView(string Table, string Source, string Column, string Type, long Rows, double NullShare, double EmptyShare,
        long Distinct, bool DistinctExact, string? Min, string? Max, IReadOnlyList<TopValue> Top, double Quarantined, double Nulled,
        string? Identifier, IReadOnlyList<string> Golden, IReadOnlyList<string> Tags, FieldClass Class, IReadOnlyList<string> Evidence)
    {
        /// <summary>The class pinned in the workspace (null when none) and whether the evidence disagrees with it.</summary>
        public FieldClass? Pinned { get; init; }

        public FieldClass? EvidenceClass { get; init; }

        public bool PinDisagrees { get; init; }

        public static FieldView Of(FieldProfile f) => new(f.Table, f.Source, f.Column, f.Stats.SqlType, f.Stats.Rows, Math.Round(f.NullShare, 4),
            Math.Round(f.EmptyShare, 4), f.Stats.Distinct, f.Stats.DistinctExact, f.Stats.Min, f.Stats.Max,
            [.. f.Stats.Top.Take(5).Select(v => new TopValue(v.Value, v.Rows, Math.Round(f.Stats.Rows == 0 ? 0 : (double)v.Rows / f.Stats.Rows, 4)))],
            Math.Round(f.Quarantined, 4), Math.Round(f.Nulled, 4), f.Usage.Identifier, f.Usage.Golden, f.Usage.Tags, f.Class, f.Evidence)
        {
            Pinned = f.Pin?.Class,
            EvidenceClass = f.EvidenceClass ?? f.Class,
            PinDisagrees = f.PinDisagrees,
        };
    }

    private sealed record TopValue(string Value, long Rows, double Share);
}
