using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TagCenter.Core.Activation;
using TagCenter.Server.Access;

namespace TagCenter.Server.Governance;

/// <summary>
/// Counts API reads of tags and segments (a profile's tag values, a tag's page or explanation, a segment's members) and
/// writes them to the audit log as one <c>tag.read</c> / <c>segment.read</c> row per caller and target with
/// <c>{"reads": n}</c>, every <see cref="Interval"/>, before usage is reported, and at shutdown: the audit stays the
/// record of use (<see cref="AuditUsage"/>) without a hash-chained write on every read.
/// </summary>
public sealed partial class UsageCounter(IAuditLog audit, TimeProvider time, ILogger<UsageCounter> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private ConcurrentDictionary<(string Action, string Actor, string Target), long> _counts = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public void TagRead(Caller caller, string tag) => Count(AuditUsage.TagRead, caller, tag);

    public void TagsRead(Caller caller, IEnumerable<string> tags)
    {
        foreach (var tag in tags)
            TagRead(caller, tag);
    }

    public void SegmentRead(Caller caller, string segment) => Count(AuditUsage.SegmentRead, caller, segment);

    private void Count(string action, Caller caller, string target) => _counts.AddOrUpdate((action, caller.Name, target), 1, (_, n) => n + 1);

    /// <summary>Writes what was counted since the last flush to the audit log.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var pending = new Queue<KeyValuePair<(string Action, string Actor, string Target), long>>(Interlocked.Exchange(ref _counts, new())
                .OrderBy(c => c.Key.Action, StringComparer.Ordinal).ThenBy(c => c.Key.Target, StringComparer.Ordinal));
            try
            {
                while (pending.TryPeek(out var c))
                {
                    await audit.RecordAsync(new AuditEntry(c.Key.Actor, c.Key.Action, c.Key.Target, After: AuditUsage.ReadsJson(c.Value)), CancellationToken.None).ConfigureAwait(false);
                    pending.Dequeue();
                }
            }
            finally
            {
                // What could not be written (the store is down) is kept for the next flush.
                foreach (var c in pending)
                    _counts.AddOrUpdate(c.Key, c.Value, (_, n) => n + c.Value);
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(Interval, time);
        try
        {
            while (await ticks.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
                await FlushQuietlyAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await FlushQuietlyAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _flushing.Dispose();
        base.Dispose();
    }

    private async Task FlushQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The counts not written are kept for the next flush.
            LogFlushFailed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write API read counts to the audit log")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
