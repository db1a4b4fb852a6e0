using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Pipeline;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Server.Runs;

/// <summary>The pipeline's progress kept on the <see cref="ApiRun"/>, for <c>GET /runs/{id}</c>: the step, and sources loaded of all.</summary>
internal sealed class RunProgress(ApiRun run) : IPipelineProgress
{
    public T Step<T>(PipelineStep step, string? item, Func<T> work)
    {
        run.At(step, item);
        return work();
    }

    public Task<T> StepAsync<T>(PipelineStep step, string? item, Func<Task<T>> work)
    {
        run.At(step, item);
        return work();
    }

    public Task<IReadOnlyList<SourceLoadResult>> LoadAsync(WorkspaceDatabase db, WorkspaceDefinition definition, IReadOnlyList<SourceDefinition> sources,
        LoadOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var done = 0;
        run.At(PipelineStep.Load, null, 0, sources.Count);
        return WorkspaceLoad.RunAsync(db, definition, sources, options,
            s => run.At(PipelineStep.Load, s.Name, done, sources.Count),
            _ => run.At(PipelineStep.Load, null, ++done, sources.Count), time, cancellationToken);
    }
}
