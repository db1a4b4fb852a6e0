using TagCenter.Cli.Commands.Segments;
using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Models;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Pipeline;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands;

/// <summary>
/// The console face of <see cref="WorkspacePipeline"/> (run, refresh, demo): a spinner while a stage works, one line
/// (or table) when it ends. Silent with <c>--json</c>, where the command prints the whole report at the end.
/// </summary>
internal sealed class PipelineConsole(CliContext context, AsOfTime asOf) : IPipelineProgress
{
    private readonly Texts _t = context.Texts;

    private bool Quiet => context.Json;

    public T Step<T>(PipelineStep step, string? item, Func<T> work) => ConsoleOutput.Busy(context, Label(step, item), work);

    public Task<T> StepAsync<T>(PipelineStep step, string? item, Func<Task<T>> work) => ConsoleOutput.BusyAsync(context, Label(step, item), work);

    public Task<IReadOnlyList<SourceLoadResult>> LoadAsync(WorkspaceDatabase db, WorkspaceDefinition definition, IReadOnlyList<SourceDefinition> sources,
        LoadOptions options, TimeProvider time, CancellationToken cancellationToken) =>
        LoadCommand.LoadWithProgressAsync(db, definition, sources, options.Force, options.AllowShrink, context.Json, _t, cancellationToken);

    public void Loaded(IReadOnlyList<SourceDefinition> sources, IReadOnlyList<SourceLoadResult> loads, TimeSpan elapsed)
    {
        if (Quiet)
            return;
        var loaded = loads.Where(r => r.Report is not null).Select(r => r.Report!).ToList();
        ConsoleOutput.Step(_t["step.load"], sources.Count == 0 ? _t["refresh.sources_fresh"]
            : _t.Format("load.summary", loaded.Sum(r => r.Read), loaded.Sum(r => r.Loaded), loaded.Sum(r => r.Quarantined)), elapsed);
        if (loads.Count > 0)
            LoadCommand.PrintSummary(loads, _t);
    }

    public void IdentityResolved(IdentityRunReport? report)
    {
        if (Quiet)
            return;
        if (report is null)
            ConsoleOutput.Ok(_t["step.identity"] + "  " + _t["refresh.identity_fresh"]);
        else
            IdentityView.Print(report, _t);
    }

    public void FactsDropped(IReadOnlyList<string> facts)
    {
        foreach (var fact in facts.Where(_ => !Quiet))
            ConsoleOutput.Grey("  " + _t.Format("refresh.dropped", fact));
    }

    public void StaleInputs(IReadOnlyList<string> reasons)
    {
        foreach (var reason in reasons.Where(_ => !Quiet))
            ConsoleOutput.Warn("! " + _t.Format("run.stale", reason));
    }

    public void TagsUnpublished()
    {
        if (!Quiet)
            ConsoleOutput.Warn(_t["tags.unpublished"]);
    }

    public void ModelsNothingDue()
    {
        if (!Quiet)
            ConsoleOutput.Ok(_t["models.step"] + "  " + _t["models.pipeline.nothingdue"]);
    }

    public void ModelTrained(ModelDefinition model, ModelRunReport report)
    {
        if (Quiet)
            return;
        if (report.Succeeded)
            ConsoleOutput.Step(_t["models.step"], ModelStep.Line(report, model.Kind, _t), report.Elapsed);
        else
            ConsoleOutput.Warn("✘ " + ModelTrainer.Describe(report));
    }

    public void TagsRun(TagCatalog catalog, TagRunReport report)
    {
        if (Quiet)
            return;
        TagTreeView.PrintRun(catalog, report, asOf, _t);
        foreach (var tag in report.UntrainedModelTags)
            ConsoleOutput.Warn("! " + _t.Format("models.tag.untrained", tag));
    }

    public void IndexBuilt(IndexBuildReport index)
    {
        if (!Quiet)
            ConsoleOutput.Ok(_t["index.step"] + "  " + index.Summary());
    }

    public void SegmentsEvaluated(SegmentPassReport pass)
    {
        if (!Quiet)
            SegmentRefreshView.Print(pass, _t);
    }

    public void SegmentsFailed(IReadOnlyList<Diagnostic> diagnostics, string? engineMessage)
    {
        if (Quiet)
            return;
        foreach (var d in diagnostics)
            ConsoleOutput.Warn("! " + d);
        if (engineMessage is not null)
            ConsoleOutput.Warn("! " + _t.Format("segment.failed", engineMessage));
    }

    private string Label(PipelineStep step, string? item) => step switch
    {
        PipelineStep.Models => _t["models.step"] + " " + item,
        PipelineStep.Identity => _t["step.identity"],
        PipelineStep.Tags => _t["step.tags"],
        PipelineStep.Index => _t["index.step"],
        PipelineStep.Segments => _t["segment.step"],
        _ => _t["step.load"],
    };
}
