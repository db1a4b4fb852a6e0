using System.CommandLine;
using TagCenter.Cli.Console;
using TagCenter.Core.Segments;
using TagCenter.DuckDb.Segments;

namespace TagCenter.Cli.Commands.Segments;

/// <summary>
/// <c>segment create &lt;name&gt; --rule …</c>: checks the rule against the published tags, writes
/// <c>segments/&lt;name&gt;.yaml</c> and evaluates it once (a static segment keeps these members for good).
/// </summary>
internal static class SegmentCreateCommand
{
    public static Command Create(CliOptions o)
    {
        var name = new Argument<string>("name") { Description = o.Texts["opt.segment.name"] };
        var rule = new Option<string>("--rule") { Description = o.Texts["opt.segment.rule"], Required = true };
        var isStatic = new Option<bool>("--static") { Description = o.Texts["opt.segment.static"] };
        var description = new Option<string?>("--description") { Description = o.Texts["opt.segment.description"] };
        var owner = new Option<string?>("--owner") { Description = o.Texts["opt.segment.owner"] };
        var command = new Command("create", o.Texts["cmd.segment.create"]) { name, rule, isStatic, description, owner };
        command.SetAction((result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            var segmentName = result.GetValue(name)!.Trim();
            if (SegmentCatalog.Problem(segmentName) is { } bad)
                throw new UsageException(bad);
            var text = result.GetValue(rule) ?? "";
            if (string.IsNullOrWhiteSpace(text))
                throw new UsageException(t.Format("segment.rule.empty", segmentName));
            using var session = context.Open(cancellationToken);
            var root = session.Definition.Root;
            var existing = SegmentWorkspace.All(session.Definition);
            var path = SegmentCatalog.FileFor(root, segmentName);
            if (existing.Find(segmentName) is not null || File.Exists(path))
                throw new UsageException(t.Format("segment.exists", segmentName, existing.Find(segmentName)?.File ?? Path.GetRelativePath(root, path)));
            var relative = SegmentFiles.Relative(root, segmentName);
            var (segment, yaml) = SegmentFiles.Prepare(relative, new SegmentDraft(segmentName, text, result.GetValue(isStatic) ? SegmentType.Static : SegmentType.Dynamic)
            {
                Description = result.GetValue(description),
                Owner = result.GetValue(owner),
            });
            var saved = SegmentFiles.Save(session.Definition, session.Database, segment, yaml, null, SegmentWorkspace.AsOf(session.Database, session.Definition),
                TimeProvider.System, cancellationToken);
            var first = saved.Run;
            if (context.Json)
                JsonOutput.Write(new { name = segmentName, type = segment.Type, file = relative, evaluated = first is not null, size = first?.Size, persons = first?.Persons, share = first?.Share, as_of = first?.AsOf, elapsed = saved.Elapsed });
            else
            {
                ConsoleOutput.Ok(t.Format("segment.created", segmentName, relative));
                if (first is null)
                    ConsoleOutput.Warn(t["segment.created.later"]);
                else
                {
                    ConsoleOutput.Grey("  " + t.Format("segment.line", first.Segment, first.Size, first.Share, first.Entered, first.Left));
                    if (first.Size == 0)
                        ConsoleOutput.Warn(t["segment.empty"]);
                }
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
