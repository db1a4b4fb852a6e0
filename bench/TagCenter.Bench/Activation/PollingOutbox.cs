using TagCenter.DuckDb.Activation;
using TagCenter.Server.Activation;

namespace TagCenter.Bench.Activation;

/// <summary>
/// The server's outbox loop before the <see cref="OutboxPump"/>, kept as the bench's baseline: woken through
/// <see cref="OutboxSignal"/>, each round reads what is due (<see cref="DeliveryDispatcher"/>), sends it, writes each
/// batch's status in its own transaction, and only then looks again.
/// </summary>
internal sealed class PollingOutbox(ActivationState state, DispatchOptions options, TimeSpan idle) : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public int Rounds { get; private set; }

    public void Start() => _loop = Task.Run(LoopAsync);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    private void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
                _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // already rung
        }
    }

    private async Task LoopAsync()
    {
        using var registration = OutboxSignal.Register(state.Root, Wake);
        // The real-time path used to ring the dispatcher after each batch; the store's announcements ring it now.
        void Ring(OutboxItem _) => Wake();
        state.Store.Pending += Ring;
        try
        {
            await WorkAsync();
        }
        finally
        {
            state.Store.Pending -= Ring;
        }
    }

    private async Task WorkAsync()
    {
        var dispatcher = new DeliveryDispatcher(state.Store, DeliveryDispatcher.Channels(state.Store, state.Root, Http, state.Time), state.Time, options);
        while (!_stop.IsCancellationRequested)
        {
            var report = await dispatcher.DispatchAsync(_stop.Token);
            Rounds++;
            if (report.Delivered + report.Dead > 0)
                continue;
            var wait = idle;
            if (state.Store.NextDue() is { } next)
                wait = TimeSpan.FromTicks(Math.Clamp((next - state.Time.GetUtcNow()).Ticks, 0, idle.Ticks));
            try
            {
                await _wake.WaitAsync(wait, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public void Dispose()
    {
        _wake.Dispose();
        _stop.Dispose();
    }
}
