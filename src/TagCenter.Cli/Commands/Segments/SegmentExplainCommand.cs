using System.CommandLine;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Segments;

namespace TagCenter.Cli.Commands.Segments;

/// <summary><c>segment explain &lt;name&gt; &lt;person&gt;</c>: for each predicate of the rule, the person's values and whether it held, then the result.</summary>
internal static class SegmentExplainCommand
{
    public static Command Create(CliOptions o)
    {
        var name = new Argument<string>("name") { Description = o.Texts["opt.segment.name"] };
        var person = new Argument<string>("person") { Description = o.Texts["opt.identifier"] };
        var command = new Command("explain", o.Texts["cmd.segment.explain"]) { name, person };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            var segment = SegmentWorkspace.All(session.Definition).Get(result.GetValue(name)!);
            var identifier = result.GetValue(person)!;
            if (!session.Database.TableExists("identity_map"))
                throw new NotFoundException(t["profile.noidentity"]);
            var profile = PersonProfile.Find(session.Database, session.Definition, identifier)
                ?? throw new NotFoundException(t.Format("profile.none", identifier));
            var catalog = SegmentWorkspace.Published(session.Database);
            var asOf = SegmentWorkspace.AsOf(session.Database, session.Definition);
            var explanation = SegmentExplainer.Explain(session.Database, catalog, segment, profile.OneId, asOf);
            // What is stored: the latest evaluation (for a static segment, the frozen one) may differ from the rule now.
            var stored = SegmentHistory.At(session.Database, segment.Name, null);
            bool? storedMember = stored is null ? null
                : session.Database.Scalar<long>($"SELECT count(*) FROM ({SegmentHistory.MembersAt}) m WHERE oneid = $3", segment.Name, stored.Seq, profile.OneId) > 0;
            if (context.Json)
            {
                JsonOutput.Write(new
                {
                    segment = explanation.Segment,
                    oneid = explanation.OneId,
                    rule = explanation.Rule,
                    as_of = explanation.AsOf,
                    predicates = explanation.Predicates.Select(p => new { predicate = p.Text, values = p.Values.ToDictionary(v => v.Name, v => v.Value), held = p.Held }),
                    result = explanation.Result,
                    member = explanation.Member,
                    stored = stored is null ? null : new { seq = stored.Seq, as_of = stored.AsOf, type = stored.Type, member = storedMember },
                });
                return ExitCodes.Ok;
            }
            AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(segment.Name)}[/] · OneID {Markup.Escape(profile.OneId)} [grey]{Markup.Escape(t.Format("segment.asof", asOf))}[/]").LeftJustified());
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(t["segment.col.predicate"]).AddColumn(t["segment.col.values"]).AddColumn(t["segment.col.held"]);
            foreach (var p in explanation.Predicates)
                table.AddRow(ConsoleOutput.Cell(p.Text), ConsoleOutput.Cell(string.Join(" · ", p.Values.Select(v => $"{v.Name} = {v.Value ?? "∅"}"))),
                    ConsoleOutput.Cell(Mark(p.Held, t)));
            AnsiConsole.Write(table);
            var verdict = t.Format(explanation.Member ? "segment.explain.in" : "segment.explain.out", profile.OneId, segment.Name);
            if (explanation.Member)
                ConsoleOutput.Ok(verdict);
            else
                ConsoleOutput.Warn("✘ " + verdict + (explanation.Result is null ? " " + t["segment.explain.unknown"] : ""));
            if (stored is not null)
            {
                var line = t.Format(storedMember == true ? "segment.explain.stored.in" : "segment.explain.stored.out", stored.Seq, stored.AsOf);
                if (storedMember == explanation.Member)
                    ConsoleOutput.Grey("  " + line);
                else
                    ConsoleOutput.Warn(line + " " + t[stored.Type == "static" ? "segment.explain.frozen" : "segment.explain.differs"]);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Mark(bool? held, Texts t) => held switch
    {
        true => "✔ " + t["segment.held.yes"],
        false => "✘ " + t["segment.held.no"],
        null => "? " + t["segment.held.unknown"],
    };
}
