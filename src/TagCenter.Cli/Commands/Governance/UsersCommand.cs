using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Governance;
using TagCenter.Stores;

namespace TagCenter.Cli.Commands.Governance;

/// <summary><c>tagcenter users add|list</c>: people with a role, a business line and the right to read personal data.</summary>
internal static class UsersCommand
{
    public static Command Create(CliOptions o) => new("users", o.Texts["governance.cmd.users"]) { Add(o), List(o) };

    public static Role RoleOf(string? text, Texts t) => Roles.Parse(text)
        ?? throw new UsageException(t.Format("governance.role.unknown", text ?? "", string.Join(", ", Roles.Names)));

    private static Command Add(CliOptions o)
    {
        var t = o.Texts;
        var store = StoreOption.Create(t);
        var name = new Argument<string>("name") { Description = t["governance.opt.name"] };
        var role = new Option<string?>("--role") { Description = t.Format("governance.opt.role", string.Join(", ", Roles.Names)) };
        var line = new Option<string?>("--line") { Description = t["governance.opt.line"] };
        var pii = new Option<bool>("--pii") { Description = t["governance.opt.pii"] };
        var command = new Command("add", t["governance.cmd.users.add"]) { store, name, role, line, pii };
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            var r = RoleOf(result.GetValue(role), context.Texts);
            await using var control = await StoreOption.OpenAsync(context, result, store, cancellationToken);
            var userName = result.GetValue(name)!;
            var user = await new Accounts(control, TimeProvider.System).AddUserAsync(StoreOption.Actor, userName, r, result.GetValue(line), result.GetValue(pii), cancellationToken)
                ?? throw new UsageException(context.Texts.Format("governance.user.exists", userName));
            if (context.Json)
                JsonOutput.Write(Accounts.Shown(user));
            else
                ConsoleOutput.Ok(context.Texts.Format("governance.user.added", user.Name, Roles.Name(user.Role), user.BusinessLine ?? Roles.CompanyWide));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(CliOptions o)
    {
        var store = StoreOption.Create(o.Texts);
        var command = new Command("list", o.Texts["governance.cmd.users.list"]) { store };
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            await using var control = await StoreOption.OpenAsync(context, result, store, cancellationToken);
            var users = await control.ListUsersAsync(cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(new { users = users.Select(Accounts.Shown) });
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Rounded).AddColumn(t["governance.col.name"]).AddColumn(t["governance.col.role"])
                .AddColumn(t["governance.col.line"]).AddColumn("pii").AddColumn(t["governance.col.created"]);
            foreach (var u in users)
                table.AddRow(ConsoleOutput.Cell(u.Name), ConsoleOutput.Cell(Roles.Name(u.Role)), ConsoleOutput.Cell(u.BusinessLine ?? Roles.CompanyWide),
                    ConsoleOutput.Cell(u.PiiRead ? "✔" : ""), ConsoleOutput.Cell(u.CreatedAt.ToString("yyyy-MM-dd HH:mm")));
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
