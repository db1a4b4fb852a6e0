using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter profile X</c>: the person holding any identifier, where each value came from, and their tags. Read-only.</summary>
internal static class ProfileCommand
{
    public static Command Create(CliOptions o)
    {
        var identifier = new Argument<string>("identifier") { Description = o.Texts["opt.identifier"] };
        var command = new Command("profile", o.Texts["cmd.profile"]) { identifier };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            var value = result.GetValue(identifier)!;
            using var session = context.OpenReadOnly();
            if (!session.Database.TableExists("identity_map"))
                throw new NotFoundException(t["profile.noidentity"]);
            var profile = PersonProfile.Find(session.Database, session.Definition, value)
                ?? throw new NotFoundException(t.Format("profile.none", value));
            var tags = PersonTagValues.Of(session.Database, profile.OneId);
            if (context.Json)
            {
                JsonOutput.Write(new
                {
                    oneid = profile.OneId,
                    identifiers = profile.Identifiers.Select(i => new { type = i.Type, value = i.Value, first_rows = i.Rows, rows = i.RowCount }),
                    golden = profile.Golden.Select(f => new { field = f.Field, value = f.Value, source = f.Source, line = f.Line }),
                    tags = tags.Select(x => new { tag = x.Name, code = x.Code, value = x.Value }),
                    history = profile.History.Select(h => new { at = h.At, kind = h.Kind, other = h.Other, cause = h.Cause }),
                    facts = profile.Facts.ToDictionary(f => f.Fact, f => f.Rows),
                });
                return ExitCodes.Ok;
            }
            AnsiConsole.Write(new Rule($"OneID [bold]{Markup.Escape(profile.OneId)}[/]").LeftJustified());
            var ids = new Table().Border(TableBorder.Rounded).AddColumn(t["identity.type"]).AddColumn(t["profile.value"]).AddColumn(t["profile.rows"]);
            foreach (var (type, v, rows, count) in profile.Identifiers)
                ids.AddRow(ConsoleOutput.Cell(type), ConsoleOutput.Cell(v), ConsoleOutput.Cell(string.Join(", ", rows) + (count > rows.Count ? $" … ({count:N0})" : "")));
            AnsiConsole.Write(ids);
            var golden = new Table().Border(TableBorder.Rounded).Title(t["profile.golden"]).AddColumn(t["profile.field"]).AddColumn(t["profile.value"]).AddColumn(t["profile.from"]);
            foreach (var (field, v, source, line) in profile.Golden)
                golden.AddRow(ConsoleOutput.Cell(field), ConsoleOutput.Cell(v ?? "—"), ConsoleOutput.Cell(source is null ? "" : $"{source}:{line}"));
            AnsiConsole.Write(golden);
            if (tags.Count > 0)
            {
                var tagTable = new Table().Border(TableBorder.Rounded).Title(t["profile.tags"]).AddColumn(t["profile.tag"]).AddColumn(t["profile.value"]);
                foreach (var (name, _, v) in tags)
                    tagTable.AddRow(ConsoleOutput.Cell(name), ConsoleOutput.Cell(v ?? "—"));
                AnsiConsole.Write(tagTable);
            }
            AnsiConsole.MarkupLine($"{Markup.Escape(t["profile.facts"])}: {Markup.Escape(string.Join(" · ", profile.Facts.Select(f => $"{f.Fact} {f.Rows:N0}")))}");
            foreach (var (at, kind, other, cause) in profile.History)
                ConsoleOutput.Grey($"  {at:yyyy-MM-dd HH:mm} {kind} {other}: {cause}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
