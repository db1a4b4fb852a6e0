using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Commands;

internal static class ProfileCommand
{
    public static Command Create(GlobalOptions g)
    {
        var workspace = g.Workspace(".");
        var identifier = new Argument<string>("identifier") { Description = g.Texts["opt.identifier"] };
        var command = new Command("profile", g.Texts["cmd.profile"]) { identifier, workspace };
        command.SetAction(result =>
        {
            using var session = WorkspaceSession.Open(result, g, workspace);
            var (t, definition, database) = (session.Texts, session.Definition, session.Database);
            var profile = PersonProfile.Find(database, definition, result.GetValue(identifier)!);
            if (profile is null)
            {
                AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(t.Format("profile.none", result.GetValue(identifier)))}[/]");
                return ExitCodes.NotFound;
            }
            if (result.GetValue(g.Json))
            {
                JsonOutput.Write(new
                {
                    oneid = profile.OneId,
                    identifiers = profile.Identifiers.Select(i => new { type = i.Type, value = i.Value, first_rows = i.Rows, rows = i.RowCount }),
                    golden = profile.Golden.Select(f => new { field = f.Field, value = f.Value, source = f.Source, line = f.Line }),
                    history = profile.History.Select(h => new { at = h.At, kind = h.Kind, other = h.Other, cause = h.Cause }),
                    facts = profile.Facts.ToDictionary(f => f.Fact, f => f.Rows),
                });
                return ExitCodes.Ok;
            }
            AnsiConsole.Write(new Rule($"OneID [bold]{profile.OneId}[/]").LeftJustified());
            var ids = new Table().Border(TableBorder.Rounded).AddColumn(t["identity.type"]).AddColumn(t["profile.value"]).AddColumn(t["profile.rows"]);
            foreach (var (type, value, rows, count) in profile.Identifiers)
                ids.AddRow(type, Markup.Escape(value), Markup.Escape(string.Join(", ", rows) + (count > rows.Count ? $" … ({count:N0})" : "")));
            AnsiConsole.Write(ids);
            var golden = new Table().Border(TableBorder.Rounded).Title(t["profile.golden"]).AddColumn(t["profile.field"]).AddColumn(t["profile.value"]).AddColumn(t["profile.from"]);
            foreach (var (field, value, source, line) in profile.Golden)
                golden.AddRow(field, Markup.Escape(value ?? "—"), source is null ? "" : $"{source}:{line}");
            AnsiConsole.Write(golden);
            AnsiConsole.MarkupLine($"{Markup.Escape(t["profile.facts"])}: {Markup.Escape(string.Join(" · ", profile.Facts.Select(f => $"{f.Fact} {f.Rows:N0}")))}");
            foreach (var (at, kind, other, cause) in profile.History)
                AnsiConsole.MarkupLine($"  [grey]{at:yyyy-MM-dd HH:mm} {kind} {Markup.Escape(other)}: {Markup.Escape(cause)}[/]");
            return ExitCodes.Ok;
        });
        return command;
    }
}
