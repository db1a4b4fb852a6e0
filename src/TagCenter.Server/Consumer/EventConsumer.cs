using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TagCenter.Server.Hosting;
using TagCenter.Server.Ingest;
using TagCenter.Server.Realtime;

namespace TagCenter.Server.Consumer;

/// <summary>
/// Applies the durable log to the engine: reads a batch from the offset stored in the workspace database, applies
/// it (rows, identities, fact tables and the new offset in one transaction, through <see cref="WorkspaceHost.WriteAsync{T}"/>
/// so it never overlaps a run), tells every <see cref="IAppliedEventsListener"/>, and retires log segments that are
/// applied and past their retention. On shutdown it finishes the batch in hand; what is left stays in the log for
/// the next start. A failed batch is retried after a pause (nothing of it was committed).
/// </summary>
internal sealed partial class EventConsumer(
    WorkspaceHost host, IngestService ingest, IngestProgress progress, IServiceProvider services, ILogger<EventConsumer> log) : BackgroundService
{
    private static readonly TimeSpan RetireEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!ingest.Options.Consume)
            return;
        await Task.Yield();
        var listeners = services.GetServices<IAppliedEventsListener>().ToList();
        var applier = new EventApplier(host.Definition, host.Time);
        var position = await host.ReadAsync((db, _) => db.TableExists("ingest_offsets") ? ConsumerOffsets.Read(db) : 0, stoppingToken);
        progress.Applied = position;
        var lastRetire = host.Time.GetTimestamp();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var records = ingest.Log.Read(Math.Max(position, ingest.Log.FirstOffset), ingest.Options.ConsumerBatch);
            if (records.Count == 0)
            {
                await WaitAsync(ingest.Options.IdlePoll, stoppingToken);
                continue;
            }
            // An apply may have changed tagcenter.yaml (a mapping, a source): each batch is applied with the workspace as it is now.
            if (!ReferenceEquals(applier.Workspace, host.Definition))
                applier = new EventApplier(host.Definition, host.Time);
            AppliedBatch applied;
            try
            {
                // Not cancelled by shutdown: the batch in hand is finished (or rolled back by a crash).
                applied = await host.WriteAsync((db, _) => applier.Apply(db, records, CancellationToken.None),
                    touched: a => a.Events.Touched, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                progress.LastError = e.Message;
                ApplyFailed(log, e, records[0].Offset, records[^1].Offset);
                await WaitAsync(TimeSpan.FromMilliseconds(Math.Min(30_000, 200 << Math.Min(failures++, 8))), stoppingToken);
                continue;
            }
            failures = 0;
            position = records[^1].Offset + 1;
            progress.Applied = position;
            progress.LastAppliedAt = applied.Events.AppliedAt;
            progress.LastError = null;
            var (loaded, quarantined) = (applied.Sources.Sum(s => s.Loaded), applied.Sources.Sum(s => s.Quarantined));
            Applied(log, records.Count, loaded, quarantined, applied.Events.Persons.Count, position);
            foreach (var listener in listeners)
            {
                try
                {
                    await listener.OnAppliedAsync(applied.Events, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    ListenerFailed(log, e, listener.GetType().Name);
                }
            }
            if (host.Time.GetElapsedTime(lastRetire) > RetireEvery)
            {
                lastRetire = host.Time.GetTimestamp();
                foreach (var segment in ingest.Log.Retire(position))
                    Retired(log, segment);
            }
        }
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await ingest.WaitForAppendAsync(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "applied {Records} events: {Loaded} rows, {Quarantined} quarantined, {Persons} persons; next offset {Next}")]
    private static partial void Applied(ILogger logger, int records, long loaded, long quarantined, int persons, long next);

    [LoggerMessage(Level = LogLevel.Error, Message = "applying events {First}..{Last} failed; retrying")]
    private static partial void ApplyFailed(ILogger logger, Exception e, long first, long last);

    [LoggerMessage(Level = LogLevel.Warning, Message = "applied-events listener {Listener} failed")]
    private static partial void ListenerFailed(ILogger logger, Exception e, string listener);

    [LoggerMessage(Level = LogLevel.Information, Message = "retired event log segment {Segment}")]
    private static partial void Retired(ILogger logger, long segment);
}
