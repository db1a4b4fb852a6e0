using System.CommandLine;
using TagCenter.Cli.Commands.Segments;
using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.DuckDb.Freshness;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands;

/// <summary><c>tagcenter run</c>: computes the published tags as of an instant and stores a snapshot; warns when its inputs are stale.</summary>
internal static class RunCommand
{
    public static Command Create(CliOptions o)
    {
        var tags = new Option<string[]>("--tags") { Description = o.Texts["opt.tags"], AllowMultipleArgumentsPerToken = true };
        var asOf = AsOfOption.Create(o.Texts);
        var due = new Option<bool>("--due") { Description = o.Texts["opt.due"] };
        var command = new Command("run", o.Texts["cmd.run"]) { tags, asOf, due };
        command.SetAction((result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            var t = context.Texts;
            using var session = context.Open(cancellationToken);
            var when = AsOfOption.Read(result, asOf, session.Definition);
            // Runs compute what was published (tagcenter apply), not whatever the files say today.
            var catalog = PublishedCatalog.Load(session.Database)
                ?? throw new WorkspaceException([new Diagnostic("tags/", 0, 0, t["tags.unpublished"])]);
            // What this run reads: the sources and identity's facts (the tags stage is what it is about to refresh).
            var stale = WorkspaceFreshness.SourceStage(session.Database, session.Definition).Stage.Reasons
                .Concat(WorkspaceFreshness.IdentityStage(session.Database, session.Definition).Reasons).ToList();
            if (!context.Json)
                foreach (var reason in stale)
                    ConsoleOutput.Warn("! " + t.Format("run.stale", reason));
            IReadOnlyCollection<string>? only = result.GetValue(tags) is { Length: > 0 } names ? names : null;
            var runner = new TagRunner(session.Database, TimeProvider.System);
            // Models train on their own schedule before the tags, which read their versions in use.
            var models = ModelStep.TrainDue(context, session.Definition, session.Database, when.Local, cancellationToken);
            if (result.GetValue(due))
            {
                only = [.. runner.Due(catalog, TimeProvider.System.GetUtcNow().UtcDateTime, session.Definition.TimeZone)
                    .Union(models.RetrainedTags.Where(n => catalog.Find(n) is not null))];
                if (only.Count == 0)
                {
                    if (context.Json)
                        JsonOutput.Write(new { tags = Array.Empty<object>(), stale, models = ModelStep.Json(models.Reports) });
                    else
                        ConsoleOutput.Ok(t["tags.nothingdue"]);
                    return Task.FromResult(ExitCodes.Ok);
                }
            }
            var report = ConsoleOutput.Busy(context, t["step.tags"], () => runner.Run(catalog, new TagRunOptions(when.Local, only)
            {
                ModelValues = ModelStep.Values(models, session.Database, catalog),
            }, cancellationToken));
            if (!context.Json)
                TagTreeView.PrintRun(catalog, report, when, t);
            ModelStep.WarnUntrained(context, report);
            var index = ConsoleOutput.Busy(context, t["index.step"], () => TagIndexBuilder.Build(session.Database, session.Definition.Root, catalog, TimeProvider.System, cancellationToken));
            if (!context.Json)
                ConsoleOutput.Ok(t["index.step"] + "  " + index.Summary());
            var segments = SegmentRefreshView.AfterTagRun(context, session.Definition, session.Database, report, cancellationToken);
            if (context.Json)
                JsonOutput.Write(new RunResult(report, when.Instant, stale) { Segments = SegmentPassReportView.Of(segments), Models = ModelStep.Json(models.Reports) });
            else
            {
                if (stale.Count > 0)
                    ConsoleOutput.Grey(t["fresh.hint"]);
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private sealed record RunResult(TagRunReport Run, DateTimeOffset AsOfInstant, IReadOnlyList<string> Stale)
    {
        public SegmentPassReportView? Segments { get; init; }

        public IReadOnlyList<object> Models { get; init; } = [];
    }
}
