using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Pipeline;
using TagCenter.DuckDb.Storage;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Runs;

/// <summary>
/// Runs and refreshes started over the API, one at a time, each in the background on the workspace's writer
/// (<see cref="WorkspaceHost.WriteAsync{T}"/>). A run is cancelled by <see cref="Cancel"/> (DuckDB's interrupt
/// stops the statement; its transaction rolls back) and by server shutdown, which waits for it to stop.
/// The last runs are kept in memory for <c>GET /runs/{id}</c>; the workspace's own tables hold the history.
/// </summary>
public sealed partial class BackgroundRuns(WorkspaceHost host, TimeProvider time, ILogger<BackgroundRuns> log) : IHostedService, IDisposable
{
    private const int Kept = 50;
    private readonly Lock _lock = new();
    private readonly List<ApiRun> _runs = [];
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Starts <paramref name="work"/> as a run of <paramref name="kind"/>; refused with 409 while another runs.</summary>
    public ApiRun Start(string kind, Func<WorkspaceDatabase, IPipelineProgress, CancellationToken, JsonNode?> work)
    {
        ApiRun run;
        lock (_lock)
        {
            if (_runs.FirstOrDefault(r => !r.Finished) is { } busy)
                throw ApiException.Conflict("run_in_progress", Texts.T("res.run.busy", busy.Id));
            run = new ApiRun(Guid.CreateVersion7(time.GetUtcNow()).ToString("N")[..16], kind, time.GetUtcNow());
            _runs.Add(run);
            while (_runs.Count > Kept && _runs[0].Finished)
                _runs.RemoveAt(0);
        }
        run.Completion = Task.Run(() => ExecuteAsync(run, work));
        return run;
    }

    public ApiRun? Find(string id)
    {
        lock (_lock)
            return _runs.FirstOrDefault(r => r.Id == id);
    }

    /// <summary>The runs started over the API since the server started, newest first.</summary>
    public IReadOnlyList<ApiRun> Recent()
    {
        lock (_lock)
            return [.. _runs.AsEnumerable().Reverse()];
    }

    private async Task ExecuteAsync(ApiRun run, Func<WorkspaceDatabase, IPipelineProgress, CancellationToken, JsonNode?> work)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(run.Cancellation.Token, _stopping.Token);
        var progress = new RunProgress(run);
        // The run's trigger pass enqueues into this server's outbox (its --store), not one the environment names.
        using var store = ActivationStores.Use(host.Options.Store);
        try
        {
            // A run is batch work: it takes every core while it runs, then the server's setting is back.
            var result = await host.WriteAsync((db, ct) =>
            {
                db.SetThreads(Environment.ProcessorCount);
                try
                {
                    return work(db, progress, ct);
                }
                finally
                {
                    db.SetThreads(host.Options.EffectiveEngineThreads);
                }
            }, cancel.Token).ConfigureAwait(false);
            run.Finish("succeeded", time.GetUtcNow(), result, null);
        }
        catch (Exception e) when (cancel.IsCancellationRequested)
        {
            run.Finish("cancelled", time.GetUtcNow(), null, new RunError("cancelled", Texts.T("res.run.cancelled")));
            Cancelled(log, e, run.Id);
        }
        catch (Exception e) // whatever ended it, the run must not stay "running" and block the next one
        {
            var code = e switch { WorkspaceException => "workspace_invalid", EngineException => "engine", _ => "failed" };
            run.Finish("failed", time.GetUtcNow(), null, new RunError(code, e.Message.Split('\n', 2)[0].Trim()));
            Failed(log, e, run.Id);
        }
        finally
        {
            // The run may have written a new index (or half of one before a failure): the next reader opens what is there.
            host.ReloadIndex();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Shutdown: the running run is interrupted and rolls back; the server stops once it has.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_lock)
            running = [.. _runs.Where(r => !r.Finished).Select(r => r.Completion)];
        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        foreach (var run in _runs)
            run.Cancellation.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} cancelled")]
    private static partial void Cancelled(ILogger logger, Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "run {RunId} failed")]
    private static partial void Failed(ILogger logger, Exception exception, string runId);
}
