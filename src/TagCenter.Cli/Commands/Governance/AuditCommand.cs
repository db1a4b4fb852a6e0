using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Governance;
using TagCenter.Stores;

namespace TagCenter.Cli.Commands.Governance;

/// <summary>
/// <c>tagcenter audit [--verify] [--since] [--actor] [--action] [--limit]</c>: reads the audit log; <c>--verify</c>
/// checks its hash chain and exits 8 naming the first row changed, removed or moved.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CliOptions o)
    {
        var t = o.Texts;
        var store = StoreOption.Create(t);
        var verify = new Option<bool>("--verify") { Description = t["governance.opt.verify"] };
        var since = new Option<DateTimeOffset?>("--since") { Description = t["governance.opt.since"] };
        var actor = new Option<string?>("--actor") { Description = t["governance.opt.actor"] };
        var action = new Option<string?>("--action") { Description = t["governance.opt.action"] };
        var limit = new Option<int?>("--limit") { Description = t["governance.opt.limit"] };
        var command = new Command("audit", t["governance.cmd.audit"]) { store, verify, since, actor, action, limit };
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            await using var control = await StoreOption.OpenAsync(context, result, store, cancellationToken);
            if (result.GetValue(verify))
                return Verify(context, AuditChain.Verify(await control.ReadAuditAsync(new AuditQuery(), cancellationToken)));
            var rows = await control.ReadAuditAsync(new AuditQuery(result.GetValue(since), result.GetValue(actor), result.GetValue(action), result.GetValue(limit)), cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(new { entries = rows });
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("#").AddColumn(context.Texts["governance.col.at"]).AddColumn(context.Texts["governance.col.actor"])
                .AddColumn(context.Texts["governance.col.action"]).AddColumn(context.Texts["governance.col.target"]).AddColumn(context.Texts["governance.col.after"]);
            foreach (var r in rows)
                table.AddRow(ConsoleOutput.Cell(r.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)), ConsoleOutput.Cell(r.At.ToString("yyyy-MM-dd HH:mm:ss")),
                    ConsoleOutput.Cell(r.Actor), ConsoleOutput.Cell(r.Action), ConsoleOutput.Cell(r.Target), ConsoleOutput.Cell(r.After));
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Verify(CliContext context, AuditVerification verification)
    {
        if (context.Json)
            JsonOutput.Write(verification);
        else if (verification.Break is { } b)
            ConsoleOutput.Warn("! " + context.Texts.Format("governance.audit.broken." + b.Reason, b.Seq, b.Expected, verification.Count));
        else
            ConsoleOutput.Ok(context.Texts.Format("governance.audit.valid", verification.Count, verification.LastHash));
        return verification.Valid ? ExitCodes.Ok : ExitCodes.RunFailed;
    }
}
