using TagCenter.Core.Diagnostics;
using TagCenter.Core.Models;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Pipeline;

/// <summary>
/// What <see cref="WorkspacePipeline"/> tells while it works: the CLI prints each stage as it ends (spinners while it
/// waits), the server keeps the current step and counts for <c>GET /runs/{id}</c>. Every member has a silent default,
/// so a caller implements only what it shows.
/// </summary>
public interface IPipelineProgress
{
    /// <summary>Runs one step; <paramref name="item"/> names what inside it (a model), when there is one.</summary>
    T Step<T>(PipelineStep step, string? item, Func<T> work) => work();

    Task<T> StepAsync<T>(PipelineStep step, string? item, Func<Task<T>> work) => work();

    /// <summary>Loads <paramref name="sources"/> (the CLI with a progress line per source).</summary>
    Task<IReadOnlyList<SourceLoadResult>> LoadAsync(WorkspaceDatabase db, WorkspaceDefinition definition, IReadOnlyList<SourceDefinition> sources,
        LoadOptions options, TimeProvider time, CancellationToken cancellationToken) =>
        WorkspaceLoad.RunAsync(db, definition, sources, options, null, null, time, cancellationToken);

    /// <summary>The load stage ended (no sources: every source was fresh).</summary>
    void Loaded(IReadOnlyList<SourceDefinition> sources, IReadOnlyList<SourceLoadResult> loads, TimeSpan elapsed) { }

    /// <summary>Identity was resolved (null: it was fresh and left alone).</summary>
    void IdentityResolved(IdentityRunReport? report) { }

    /// <summary>Fact tables of sources no longer declared were dropped.</summary>
    void FactsDropped(IReadOnlyList<string> facts) { }

    /// <summary>The reasons the inputs of a run are stale (it goes on with them).</summary>
    void StaleInputs(IReadOnlyList<string> reasons) { }

    /// <summary>Refresh found no published catalog, so no tags ran.</summary>
    void TagsUnpublished() { }

    void ModelsNothingDue() { }

    void ModelTrained(ModelDefinition model, ModelRunReport report) { }

    void TagsRun(TagCatalog catalog, TagRunReport report) { }

    void IndexBuilt(IndexBuildReport index) { }

    void SegmentsEvaluated(SegmentPassReport pass) { }

    /// <summary>The segment pass failed (broken rule files, or an engine error on the data); the tag run stands.</summary>
    void SegmentsFailed(IReadOnlyList<Diagnostic> diagnostics, string? engineMessage) { }
}

/// <summary>A progress that shows nothing.</summary>
public sealed class SilentProgress : IPipelineProgress
{
    public static SilentProgress Instance { get; } = new();
}
