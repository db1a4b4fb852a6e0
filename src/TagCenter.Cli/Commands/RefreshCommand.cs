using System.CommandLine;
using System.Diagnostics;
using TagCenter.Cli.Commands.Segments;
using TagCenter.Cli.Console;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Freshness;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands;

/// <summary>
/// <c>tagcenter refresh</c> brings a workspace up to date like make: loads the sources whose file or declaration
/// changed, re-resolves identity (incrementally) when loads happened since the last run, drops fact tables of
/// sources no longer declared, and recomputes the tags that are due — all of them when their inputs changed.
/// </summary>
internal static class RefreshCommand
{
    public static Command Create(CliOptions o)
    {
        var asOf = AsOfOption.Create(o.Texts);
        var allowShrink = new Option<bool>("--allow-shrink") { Description = o.Texts["opt.allowshrink"] };
        var command = new Command("refresh", o.Texts["cmd.refresh"]) { asOf, allowShrink };
        command.SetAction(async (result, cancellationToken) =>
        {
            var context = CliContext.From(result, o);
            using var session = context.Open(cancellationToken);
            var when = AsOfOption.Read(result, asOf, session.Definition);
            var refreshed = await RunAsync(context, session.Definition, session.Database,
                new RefreshSettings(when, ForceLoad: false, Publish: false, result.GetValue(allowShrink)), cancellationToken);
            if (context.Json)
                JsonOutput.Write(refreshed);
            return refreshed.ExitCode;
        });
        return command;
    }

    /// <summary>What refresh (and demo) should do: the as-of of tag runs, whether to reload everything, whether to publish the tag files first.</summary>
    public sealed record RefreshSettings(AsOfTime AsOf, bool ForceLoad, bool Publish, bool AllowShrink);

    public sealed record RefreshResult(
        object? Loads, IdentityRunReport? Identity, IReadOnlyList<string> DroppedFacts, TagRunReport? Tags,
        string? TagsSkipped, TimeSpan Elapsed)
    {
        public int ExitCode { get; init; }

        public SegmentPassReportView? Segments { get; init; }

        /// <summary>The models trained before the tags (those that were due).</summary>
        public IReadOnlyList<object> Models { get; init; } = [];
    }

    public static async Task<RefreshResult> RunAsync(CliContext context, WorkspaceDefinition definition, WorkspaceDatabase database,
        RefreshSettings settings, CancellationToken cancellationToken)
    {
        var t = context.Texts;
        var total = Stopwatch.StartNew();
        var sources = settings.ForceLoad ? definition.Sources
            : WorkspaceFreshness.SourceStage(database, definition).ToLoad.Select(name => definition.FindSource(name)!).ToList();
        var step = Stopwatch.StartNew();
        var loads = sources.Count == 0 ? [] : await LoadCommand.LoadWithProgressAsync(database, definition, sources, settings.ForceLoad,
            settings.AllowShrink, context.Json, t, cancellationToken);
        if (!context.Json)
        {
            var loaded = loads.Where(r => r.Report is not null).Select(r => r.Report!).ToList();
            ConsoleOutput.Step(t["step.load"], sources.Count == 0 ? t["refresh.sources_fresh"]
                : t.Format("load.summary", loaded.Sum(r => r.Read), loaded.Sum(r => r.Loaded), loaded.Sum(r => r.Quarantined)), step.Elapsed);
            if (loads.Count > 0)
                LoadCommand.PrintSummary(loads, t);
        }

        cancellationToken.ThrowIfCancellationRequested();
        IdentityRunReport? identity = null;
        var identityStage = WorkspaceFreshness.IdentityStage(database, definition);
        if (!identityStage.Fresh)
        {
            var incremental = identityStage.LastRun is not null;
            identity = await ConsoleOutput.BusyAsync(context, t["step.identity"],
                () => new IdentityRunner(database, definition, TimeProvider.System).RunAsync(incremental, cancellationToken));
            WorkspaceFreshness.RecordIdentityInputs(database, definition);
            if (!context.Json)
                IdentityView.Print(identity, t);
        }
        else if (!context.Json)
            ConsoleOutput.Ok(t["step.identity"] + "  " + t["refresh.identity_fresh"]);
        var dropped = UnifiedModel.DropUndeclared(database, definition);
        foreach (var fact in dropped.Where(_ => !context.Json))
            ConsoleOutput.Grey("  " + t.Format("refresh.dropped", fact));

        cancellationToken.ThrowIfCancellationRequested();
        var (tags, skipped, models) = RunTags(context, definition, database, settings, cancellationToken);
        var segments = tags is null ? null : SegmentRefreshView.AfterTagRun(context, definition, database, tags, cancellationToken);
        return new RefreshResult(LoadResultsView.Json(loads), identity, dropped, tags, skipped, total.Elapsed)
        {
            Segments = SegmentPassReportView.Of(segments),
            Models = ModelStep.Json(models),
            ExitCode = loads.Any(r => r.Error is not null) ? ExitCodes.SourcesFailed : ExitCodes.Ok,
        };
    }

    private static (TagRunReport? Report, string? Skipped, IReadOnlyList<ModelRunReport> Models) RunTags(CliContext context, WorkspaceDefinition definition, WorkspaceDatabase database,
        RefreshSettings settings, CancellationToken cancellationToken)
    {
        var t = context.Texts;
        if (settings.Publish)
        {
            var files = TagCatalog.Load(definition.Root);
            var plan = TagPlanner.Plan(database, files, new TagPlanOptions(settings.AsOf.Local, WorkspaceClock.For(definition), DeclaredSchema.Of(definition)), cancellationToken);
            if (!plan.Blocked)
                PublishedCatalog.Publish(database, files, plan, TimeProvider.System.GetUtcNow().UtcDateTime);
        }
        var catalog = PublishedCatalog.Load(database);
        if (catalog is null)
        {
            if (!context.Json)
                ConsoleOutput.Warn(t["tags.unpublished"]);
            return (null, t["tags.unpublished"], []);
        }
        var tagStage = WorkspaceFreshness.TagStage(database);
        var runner = new TagRunner(database, TimeProvider.System);
        // Models train on their own schedule before the tags, which read their versions in use.
        var models = ModelStep.TrainDue(context, definition, database, settings.AsOf.Local, cancellationToken);
        // Inputs changed, or an explicit --as-of: every tag; else those the schedule says are due, and the tags of retrained models.
        IReadOnlyCollection<string>? only = tagStage.Fresh && !settings.AsOf.Given
            ? [.. runner.Due(catalog, TimeProvider.System.GetUtcNow().UtcDateTime, definition.TimeZone).Union(models.RetrainedTags.Where(n => catalog.Find(n) is not null))]
            : null; // inputs changed: every tag
        if (only is { Count: 0 })
        {
            if (!context.Json)
                ConsoleOutput.Ok(t["step.tags"] + "  " + t["tags.nothingdue"]);
            return (null, t["tags.nothingdue"], models.Reports);
        }
        var report = ConsoleOutput.Busy(context, t["step.tags"], () => runner.Run(catalog, new TagRunOptions(settings.AsOf.Local, only)
        {
            ModelValues = ModelStep.Values(models, database, catalog),
        }, cancellationToken));
        if (!context.Json)
            TagTreeView.PrintRun(catalog, report, settings.AsOf, t);
        ModelStep.WarnUntrained(context, report);
        var index = ConsoleOutput.Busy(context, t["index.step"], () => TagIndexBuilder.Build(database, definition.Root, catalog, TimeProvider.System, cancellationToken));
        if (!context.Json)
            ConsoleOutput.Ok(t["index.step"] + "  " + index.Summary());
        return (report, null, models.Reports);
    }
}
