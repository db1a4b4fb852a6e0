using TagCenter.Core.Diagnostics;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Activation;

/// <summary>What the pipeline's activation step did: the run, or why it could not (broken trigger files, an engine error).</summary>
public sealed record ActivationPassReport(ActivationRun? Run, IReadOnlyList<Diagnostic> Diagnostics, string? EngineError);

/// <summary>
/// The pipeline's step after the segment pass (run, refresh, demo, <c>POST /api/v1/runs</c>): triggers and
/// experiments are evaluated over the changes just recorded and what is due is delivered (or handed to the server's
/// dispatcher, see <see cref="OutboxSignal"/>). A broken trigger file or a failing destination is reported and never
/// fails the tag run that already landed.
/// </summary>
public static class ActivationPass
{
    public static ActivationPassReport? AfterSegments(WorkspaceDatabase db, WorkspaceDefinition definition, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ActivationWorkspace.Declared(definition))
            return null;
        try
        {
            using var activation = ActivationWorkspace.Open(definition, db, time);
            var run = ActivationRun.ExecuteAsync(activation, db, cancellationToken).GetAwaiter().GetResult();
            return new ActivationPassReport(run, [], null);
        }
        catch (WorkspaceException e)
        {
            return new ActivationPassReport(null, e.Diagnostics, null);
        }
        catch (EngineException e)
        {
            return new ActivationPassReport(null, [], e.Message.Split('\n')[0]);
        }
    }
}
