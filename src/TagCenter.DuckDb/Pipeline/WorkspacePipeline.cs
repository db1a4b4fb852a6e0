using System.Diagnostics;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Models;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Freshness;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Pipeline;

/// <summary>
/// <c>run</c> and <c>refresh</c>, shared by the CLI and the server: the stages in order, each telling an
/// <see cref="IPipelineProgress"/> what it did. Both end in the same tag step: models that are due, the tags, the
/// bitmap index, the segment pass.
/// </summary>
public static class WorkspacePipeline
{
    /// <summary>Computes the published tags as of <paramref name="asOfLocal"/>; the inputs' staleness is reported, not fatal.</summary>
    public static RunReport Run(WorkspaceDatabase db, WorkspaceDefinition definition, DateTime asOfLocal, TagSelection selection,
        IPipelineProgress progress, TimeProvider time, CancellationToken cancellationToken)
    {
        // Runs compute what was published (tagcenter apply), not whatever the files say today.
        var catalog = PublishedCatalog.Load(db) ?? throw new WorkspaceException([new Diagnostic("tags/", 0, 0, Texts.T("tags.unpublished"))]);
        // What this run reads: the sources and identity's facts (the tags stage is what it is about to refresh).
        var stale = WorkspaceFreshness.SourceStage(db, definition).Stage.Reasons
            .Concat(WorkspaceFreshness.IdentityStage(db, definition).Reasons).ToList();
        progress.StaleInputs(stale);
        return new RunReport(stale, Tags(db, definition, catalog, asOfLocal, selection, progress, time, cancellationToken));
    }

    /// <summary>
    /// Brings a workspace up to date like make: loads the sources whose file or declaration changed, re-resolves
    /// identity (incrementally) when loads happened since, drops facts of sources no longer declared, and computes the
    /// tags that are due — all of them when their inputs changed or an as-of was given.
    /// </summary>
    public static async Task<RefreshReport> RefreshAsync(WorkspaceDatabase db, WorkspaceDefinition definition, RefreshRequest request,
        IPipelineProgress progress, TimeProvider time, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var sources = request.ForceLoad ? definition.Sources
            : WorkspaceFreshness.SourceStage(db, definition).ToLoad.Select(name => definition.FindSource(name)!).ToList();
        var step = Stopwatch.StartNew();
        var loads = sources.Count == 0 ? [] : await progress.LoadAsync(db, definition, sources,
            new LoadOptions(request.ForceLoad, request.AllowShrink), time, cancellationToken).ConfigureAwait(false);
        progress.Loaded(sources, loads, step.Elapsed);

        cancellationToken.ThrowIfCancellationRequested();
        IdentityRunReport? identity = null;
        var identityStage = WorkspaceFreshness.IdentityStage(db, definition);
        if (!identityStage.Fresh)
        {
            var incremental = identityStage.LastRun is not null;
            identity = await progress.StepAsync(PipelineStep.Identity, null,
                () => new IdentityRunner(db, definition, time).RunAsync(incremental, cancellationToken)).ConfigureAwait(false);
            WorkspaceFreshness.RecordIdentityInputs(db, definition);
        }
        progress.IdentityResolved(identity);
        var dropped = UnifiedModel.DropUndeclared(db, definition);
        progress.FactsDropped(dropped);

        cancellationToken.ThrowIfCancellationRequested();
        if (request.Publish)
        {
            var files = TagCatalog.Load(definition.Root);
            var plan = TagPlanner.Plan(db, files, new TagPlanOptions(request.AsOf, WorkspaceTime.For(definition, time), DeclaredSchema.Of(definition)), cancellationToken);
            var modelFiles = ModelCatalog.Load(definition.Root, files);
            var models = ModelPlanner.Plan(db, modelFiles, files, []);
            if (!plan.Blocked && !models.Blocked)
            {
                PublishedCatalog.Publish(db, files, plan, time.GetUtcNow().UtcDateTime);
                PublishedModels.Publish(db, modelFiles, models, time.GetUtcNow().UtcDateTime);
            }
        }
        TagStepReport? tags = null;
        if (PublishedCatalog.Load(db) is not { } catalog)
            progress.TagsUnpublished();
        else
        {
            // Inputs changed, or an explicit as-of: every tag; else those the schedule says are due.
            var dueOnly = WorkspaceFreshness.TagStage(db).Fresh && !request.AsOfGiven;
            tags = Tags(db, definition, catalog, request.AsOf, new TagSelection(null, dueOnly), progress, time, cancellationToken);
        }
        return new RefreshReport(loads, identity, dropped, tags, total.Elapsed);
    }

    /// <summary>The tag step of run and refresh: models that are due, the selected tags, the index, the segment pass.</summary>
    private static TagStepReport Tags(WorkspaceDatabase db, WorkspaceDefinition definition, TagCatalog catalog, DateTime asOfLocal,
        TagSelection selection, IPipelineProgress progress, TimeProvider time, CancellationToken cancellationToken)
    {
        var runner = new TagRunner(db, time);
        // Models train on their own schedule before the tags, which read their versions in use.
        var models = ModelTraining.TrainDue(db, definition, asOfLocal, progress, time, cancellationToken);
        var only = selection.Only;
        if (selection.DueOnly)
        {
            only = [.. runner.Due(catalog, time.GetUtcNow().UtcDateTime, definition.TimeZone)
                .Union(models.RetrainedTags.Where(n => catalog.Find(n) is not null))];
            if (only.Count == 0)
                return new TagStepReport(models.Reports, null, null, null);
        }
        var report = progress.Step(PipelineStep.Tags, null, () => runner.Run(catalog, new TagRunOptions(asOfLocal, only)
        {
            ModelValues = ModelTraining.Values(models, db, catalog),
        }, cancellationToken));
        progress.TagsRun(catalog, report);
        var index = progress.Step(PipelineStep.Index, null, () => TagIndexBuilder.Build(db, definition.Root, catalog, time, cancellationToken));
        progress.IndexBuilt(index);
        var segments = SegmentRefresh.AfterTagRun(db, definition, report, progress, time, cancellationToken);
        // After the segment pass: the one place for what reacts to new segment membership (triggers).
        var activation = Activation.ActivationPass.AfterSegments(db, definition, time, cancellationToken);
        return new TagStepReport(models.Reports, report, index, segments) { Activation = activation };
    }
}
