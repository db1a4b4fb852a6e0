using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TagCenter.DuckDb.Activation;

namespace TagCenter.Server.Activation;

/// <summary>
/// <c>tagcenter serve</c>'s outbox: the <see cref="OutboxPump"/> over the server's one store, fed as deliveries are
/// enqueued (the real-time path, a replay) and woken by <see cref="OutboxSignal"/> when a run on another connection
/// enqueued some. On shutdown it takes nothing new and lets the deliveries in flight finish for up to
/// <see cref="ActivationOptions.Drain"/>; one cut short stays pending and is sent again on the next start with the same
/// delivery id (the receiver dedupes on it).
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ActivationState _state;
    private readonly ActivationOptions _options;
    private readonly ILogger<OutboxDispatcher> _log;

    public OutboxDispatcher(ActivationState state, ActivationOptions options, ILogger<OutboxDispatcher> log)
    {
        _state = state;
        _options = options;
        _log = log;
        Pump = new OutboxPump(state.Store, DeliveryDispatcher.Channels(state.Store, state.Root, Http, state.Time), state.Time,
            options.Dispatch with { Idle = options.Idle });
        Pump.Failed += e => Failed(_log, e);
    }

    public OutboxPump Pump { get; }

    /// <summary>Rings the pump: something may be pending that this process's store did not enqueue.</summary>
    public void Wake() => Pump.Wake();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var registration = OutboxSignal.Register(_state.Root, Pump.Wake);
        using var drain = new CancellationTokenSource();
        using var onStop = stoppingToken.Register(() => drain.CancelAfter(_options.Drain));
        await Task.Yield();
        await Pump.RunAsync(stoppingToken, drain.Token).ConfigureAwait(false);
        Stopped(_log, Pump.Delivered, Pump.Deferred, Pump.Dead, Pump.Commits);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "outbox stopped: {Delivered} delivered, {Deferred} deferred, {Dead} dead letters, {Commits} status commits")]
    private static partial void Stopped(ILogger logger, int delivered, int deferred, int dead, int commits);

    [LoggerMessage(Level = LogLevel.Error, Message = "outbox dispatch failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
