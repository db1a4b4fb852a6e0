using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Segments;

namespace TagCenter.Cli.Commands.Segments;

/// <summary><c>segment members &lt;name&gt; [--as-of] [--limit]</c>: the OneIDs in a segment at its latest evaluation, or the one in force at a date.</summary>
internal static class SegmentMembersCommand
{
    public static Command Create(CliOptions o)
    {
        var name = new Argument<string>("name") { Description = o.Texts["opt.segment.name"] };
        var asOf = AsOfOption.Create(o.Texts);
        var limit = new Option<int>("--limit") { Description = o.Texts["opt.segment.limit"], DefaultValueFactory = _ => 100 };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
                r.AddError(o.Texts["segment.limit.bad"]);
        });
        var command = new Command("members", o.Texts["cmd.segment.members"]) { name, asOf, limit };
        command.SetAction(result =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.OpenReadOnly();
            var segment = SegmentWorkspace.All(session.Definition).Get(result.GetValue(name)!);
            DateTime? when = result.GetValue(asOf) is null ? null : AsOfOption.Read(result, asOf, session.Definition).Local;
            var run = SegmentWorkspace.LatestRun(session.Database, segment.Name, when);
            var members = SegmentHistory.Members(session.Database, segment.Name, run.Seq, result.GetValue(limit));
            if (context.Json)
            {
                JsonOutput.Write(new { name = segment.Name, seq = run.Seq, as_of = run.AsOf, size = run.Size, members });
                return ExitCodes.Ok;
            }
            ConsoleOutput.Ok(t.Format("segment.members", segment.Name, run.Size, run.AsOf, members.Count));
            if (run.Size == 0)
                ConsoleOutput.Warn(t["segment.empty"]);
            foreach (var oneId in members)
                System.Console.WriteLine(oneId);
            return ExitCodes.Ok;
        });
        return command;
    }
}
