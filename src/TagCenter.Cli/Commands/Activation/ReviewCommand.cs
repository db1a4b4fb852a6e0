using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Activation;
using TagCenter.Stores;

namespace TagCenter.Cli.Commands.Activation;

/// <summary>
/// <c>tagcenter review [--unused-days N] [--min-coverage 0.01]</c>: the periodic review (定期复盘) listing tags and segments
/// to consider retiring: tags nothing refers to, not computed for N days, or with negligible coverage; segments no
/// board, trigger or experiment uses that were not evaluated for N days or are empty.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(CliOptions o)
    {
        var days = new Option<int>("--unused-days") { Description = o.Texts["opt.review.days"], DefaultValueFactory = _ => 90 };
        var minimum = new Option<double>("--min-coverage") { Description = o.Texts["opt.review.coverage"], DefaultValueFactory = _ => 0.01 };
        var command = new Command("review", o.Texts["cmd.review"]) { days, minimum };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            using var activation = ActivationWorkspace.Open(session.Definition, session.Database);
            var unused = TimeSpan.FromDays(Math.Max(0, result.GetValue(days)));
            var audit = AuditUses.CountAsync(session.Definition.Root, activation.Time.GetUtcNow() - unused, CancellationToken.None).GetAwaiter().GetResult();
            var candidates = ActivationReview.Candidates(session.Database, activation, unused, result.GetValue(minimum), audit);
            if (context.Json)
            {
                JsonOutput.Write(ActivationJson.Review(result.GetValue(days), result.GetValue(minimum), candidates));
                return ExitCodes.Ok;
            }
            if (candidates.Count == 0)
            {
                ConsoleOutput.Ok(t["activation.review.none"]);
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumn(t["activation.col.kind"]).AddColumn(t["activation.col.name"]).AddColumn(t["activation.col.reasons"]);
            foreach (var (kind, name, reasons) in candidates)
                table.AddRow(ConsoleOutput.Cell(t["activation.kind." + kind]), ConsoleOutput.Cell(name), ConsoleOutput.Cell(string.Join("；", reasons)));
            AnsiConsole.Write(table);
            foreach (var c in candidates.Where(c => c.Deprecate is not null))
                ConsoleOutput.Grey(t.Format("activation.review.suggest", c.File, c.Name, c.Deprecate));
            ConsoleOutput.Grey(t["activation.review.note"]);
            return ExitCodes.Ok;
        });
        return command;
    }
}
