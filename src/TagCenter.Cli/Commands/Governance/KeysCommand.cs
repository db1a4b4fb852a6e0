using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Governance;
using TagCenter.Stores;

namespace TagCenter.Cli.Commands.Governance;

/// <summary>
/// <c>tagcenter keys create|list|revoke</c>: API keys for the server. The first admin key is made here (the server
/// refuses every request without one); a key is shown once and stored only as its hash.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(CliOptions o) => new("keys", o.Texts["governance.cmd.keys"]) { CreateKey(o), List(o), Revoke(o) };

    private static Command CreateKey(CliOptions o)
    {
        var t = o.Texts;
        var store = StoreOption.Create(t);
        var role = new Option<string?>("--role") { Description = t.Format("governance.opt.role", string.Join(", ", Roles.Names)) };
        var name = new Option<string?>("--name") { Description = t["governance.opt.name"] };
        var line = new Option<string?>("--line") { Description = t["governance.opt.line"] };
        var pii = new Option<bool>("--pii") { Description = t["governance.opt.pii"] };
        var user = new Option<string?>("--user") { Description = t["governance.opt.user"] };
        var command = new Command("create", t["governance.cmd.keys.create"]) { store, role, name, line, pii, user };
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            await using var control = await StoreOption.OpenAsync(context, result, store, cancellationToken);
            var accounts = new Accounts(control, TimeProvider.System);
            (string, Role, string?, bool) who;
            if (result.GetValue(user) is { } userName)
            {
                var u = await control.FindUserAsync(userName, cancellationToken)
                    ?? throw new UsageException(context.Texts.Format("governance.user.notfound", userName));
                who = (u.Name, u.Role, u.BusinessLine, u.PiiRead);
            }
            else
            {
                var r = UsersCommand.RoleOf(result.GetValue(role), context.Texts);
                who = (result.GetValue(name) ?? Roles.Name(r), r, result.GetValue(line), result.GetValue(pii));
            }
            var (record, key) = await accounts.CreateKeyAsync(StoreOption.Actor, who.Item1, who.Item2, who.Item3, who.Item4, cancellationToken);
            if (context.Json)
                JsonOutput.Write(new { key, shown_once = true, record = Accounts.Shown(record), store = control.Describe });
            else
            {
                ConsoleOutput.Ok(context.Texts.Format("governance.key.created", record.Id, record.Name, Roles.Name(record.Role),
                    record.BusinessLine ?? Roles.CompanyWide, record.PiiRead ? "pii:read" : "-"));
                System.Console.WriteLine(key);
                ConsoleOutput.Warn(context.Texts["governance.key.once"]);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliOptions o)
    {
        var store = StoreOption.Create(o.Texts);
        var command = new Command("list", o.Texts["governance.cmd.keys.list"]) { store };
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            await using var control = await StoreOption.OpenAsync(context, result, store, cancellationToken);
            var keys = await control.ListKeysAsync(cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(new { keys = keys.Select(Accounts.Shown) });
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumn("id").AddColumn(t["governance.col.key"]).AddColumn(t["governance.col.name"])
                .AddColumn(t["governance.col.role"]).AddColumn(t["governance.col.line"]).AddColumn("pii").AddColumn(t["governance.col.created"]).AddColumn(t["governance.col.revoked"]);
            foreach (var k in keys)
                table.AddRow(ConsoleOutput.Cell(k.Id), ConsoleOutput.Cell(k.Display), ConsoleOutput.Cell(k.Name), ConsoleOutput.Cell(Roles.Name(k.Role)),
                    ConsoleOutput.Cell(k.BusinessLine ?? Roles.CompanyWide), ConsoleOutput.Cell(k.PiiRead ? "✔" : ""),
                    ConsoleOutput.Cell(k.CreatedAt.ToString("yyyy-MM-dd HH:mm")), ConsoleOutput.Cell(k.RevokedAt?.ToString("yyyy-MM-dd HH:mm")));
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke(CliOptions o)
    {
        var store = StoreOption.Create(o.Texts);
        var id = new Argument<string>("id") { Description = o.Texts["governance.arg.keyid"] };
        var command = new Command("revoke", o.Texts["governance.cmd.keys.revoke"]) { store, id };
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            await using var control = await StoreOption.OpenAsync(context, result, store, cancellationToken);
            var keyId = result.GetValue(id)!;
            if (!await new Accounts(control, TimeProvider.System).RevokeKeyAsync(StoreOption.Actor, keyId, cancellationToken))
                throw new Core.Diagnostics.NotFoundException(context.Texts.Format("governance.key.notfound", keyId));
            if (context.Json)
                JsonOutput.Write(new { revoked = keyId });
            else
                ConsoleOutput.Ok(context.Texts.Format("governance.key.revoked", keyId));
            return ExitCodes.Ok;
        });
        return command;
    }
}
