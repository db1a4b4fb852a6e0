using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TagCenter.DuckDb.Activation;

namespace TagCenter.Server.Activation;

/// <summary>
/// <c>tagcenter serve</c> works the outbox continuously: woken when anything is enqueued (a run's trigger pass, the
/// real-time path, a replay; see <see cref="OutboxSignal"/>), else when the earliest pending delivery falls due (a
/// retry's backoff, the end of quiet hours), at least every <see cref="ActivationOptions.Idle"/>. One dispatch at a
/// time, so a delivery is never sent twice by this process. On shutdown it takes nothing new and lets the deliveries in
/// flight finish for up to <see cref="ActivationOptions.Drain"/>; one cut short stays pending and is sent again on the
/// next start with the same delivery id (the receiver dedupes on it).
/// </summary>
public sealed partial class OutboxDispatcher(ActivationState state, ActivationOptions options, ILogger<OutboxDispatcher> log) : BackgroundService
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Dispatches done since start (tests, diagnostics).</summary>
    public int Rounds { get; private set; }

    /// <summary>Rings the dispatcher: something may be due now.</summary>
    public void Wake()
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var registration = OutboxSignal.Register(state.Root, Wake);
        using var drain = new CancellationTokenSource();
        using var onStop = stoppingToken.Register(() => drain.CancelAfter(options.Drain));
        var dispatcher = new DeliveryDispatcher(state.Store, DeliveryDispatcher.Channels(state.Store, state.Root, Http, state.Time), state.Time, options.Dispatch);
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var report = await dispatcher.DispatchAsync(drain.Token).ConfigureAwait(false);
                Rounds++;
                if (report.Delivered + report.Dead > 0)
                {
                    Dispatched(log, report.Delivered, report.Deferred, report.Dead, report.Elapsed.TotalMilliseconds);
                    continue; // more may be due already
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                Failed(log, e);
            }
            var wait = options.Idle;
            if (state.Store.NextDue() is { } next)
                wait = TimeSpan.FromTicks(Math.Clamp((next - state.Time.GetUtcNow()).Ticks, 0, options.Idle.Ticks));
            try
            {
                await _wake.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _wake.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "outbox: {Delivered} delivered, {Deferred} deferred, {Dead} dead letters, {Milliseconds} ms")]
    private static partial void Dispatched(ILogger logger, int delivered, int deferred, int dead, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "outbox dispatch failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
