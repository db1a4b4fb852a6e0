using System.Runtime.CompilerServices;

namespace TagCenter.Client;

/// <summary><c>/api/v1/runs</c>: start a refresh or a tag run in the background, watch it until it is done, cancel it, and the history of what ran.</summary>
public sealed class RunsClient
{
    private const string Root = ApiConnection.Api + "runs";

    private readonly ApiConnection _api;

    internal RunsClient(ApiConnection api) => _api = api;

    /// <summary>Starts a run (sent once: a run is not repeated by retries); 409 when one is already running.</summary>
    public Task<RunView> StartAsync(RunRequest run, CancellationToken cancellationToken = default) =>
        _api.SendAsync<RunView>(HttpMethod.Post, Root, run, repeatable: false, cancellationToken);

    public Task<RunView> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _api.GetAsync<RunView>(Root + "/" + Query.Segment(id), cancellationToken);

    /// <summary>The runs started over the API and the workspace's history (at most <paramref name="limit"/> of each).</summary>
    public Task<RunHistory> ListAsync(int? limit = null, CancellationToken cancellationToken = default) =>
        _api.GetAsync<RunHistory>(Query.Path(Root, ("limit", limit)), cancellationToken);

    /// <summary>Interrupts a running run (it rolls back); 409 <c>run_finished</c> when it already ended.</summary>
    public Task<RunView> CancelAsync(string id, CancellationToken cancellationToken = default) =>
        _api.SendAsync<RunView>(HttpMethod.Delete, Root + "/" + Query.Segment(id), null, repeatable: false, cancellationToken);

    /// <summary>The run's state every <paramref name="interval"/> (default one second) while it runs, ending with its final state.</summary>
    public async IAsyncEnumerable<RunView> WatchAsync(string id, TimeSpan? interval = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var run = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            yield return run;
            if (run.Finished)
                yield break;
            await Task.Delay(interval ?? TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the run is done, telling <paramref name="progress"/> each state seen; returns the final one (its <see cref="RunView.Status"/> says how it ended).</summary>
    public async Task<RunView> WaitAsync(string id, IProgress<RunView>? progress = null, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        RunView? last = null;
        await foreach (var run in WatchAsync(id, interval, cancellationToken).ConfigureAwait(false))
        {
            progress?.Report(run);
            last = run;
        }
        return last!;
    }
}
