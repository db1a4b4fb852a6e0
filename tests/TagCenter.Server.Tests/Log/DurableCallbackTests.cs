using System.Text;
using TagCenter.Server.Log;

namespace TagCenter.Server.Tests.Log;

/// <summary>
/// The durable callback is how the live real-time path hears of events: on the log writer's own thread, right after the
/// fsync and before the append's task completes, so no thread-pool hop sits between an event being durable and the
/// live path waking.
/// </summary>
public class DurableCallbackTests
{
    [Fact]
    public async Task Callback_RunsOnTheWritersThread_WithTheFirstOffset_BeforeTheAppendCompletes()
    {
        using var dir = new TempFolder();
        await using var log = DurableLog.Open(dir.Path);
        await log.AppendAsync("before"u8.ToArray(), TestContext.Current.CancellationToken);
        (long First, bool Pool, string? Thread, long Durable)? seen = null, staged = null;
        (long, bool, string?, long) Now(long first) => (first, System.Threading.Thread.CurrentThread.IsThreadPoolThread, System.Threading.Thread.CurrentThread.Name, log.NextOffset);
        var offset = await log.AppendBatchAsync(["a"u8.ToArray(), "b"u8.ToArray()], new AppendWatch(first => staged = Now(first), first => seen = Now(first)),
            TestContext.Current.CancellationToken);

        offset.ShouldBe(1);
        seen.ShouldNotBeNull();
        seen.Value.First.ShouldBe(1);
        seen.Value.Pool.ShouldBeFalse();
        seen.Value.Thread.ShouldBe("event log writer");
        seen.Value.Durable.ShouldBe(3, "the records are durable (readable) when the callback runs");
        staged.ShouldBe((1, false, "event log writer", 1), "staged: the offsets are given, on the writer's thread, before the records are durable");
    }

    [Fact]
    public async Task WaitDurable_WakesEveryWaiter_WhenTheRecordIsDurable_AndWhenTheSyncFails()
    {
        using var dir = new TempFolder();
        await using var log = DurableLog.Open(dir.Path);
        using var sync = new ManualResetEventSlim();
        log.BeforeSync = () => sync.Wait(TimeSpan.FromSeconds(30));
        var append = log.AppendAsync("a"u8.ToArray(), TestContext.Current.CancellationToken);
        var waiters = Enumerable.Range(0, 3).Select(_ => Task.Run(() => log.WaitDurable(0, TestContext.Current.CancellationToken))).ToList();
        await Task.Delay(100, TestContext.Current.CancellationToken);
        waiters.ShouldAllBe(w => !w.IsCompleted, "not durable while the sync is held");
        sync.Set();
        (await Task.WhenAll(waiters)).ShouldAllBe(durable => durable);
        (await append).ShouldBe(0);

        // The next sync fails: a waiter on its record is told it never will be durable, without a timeout to wait out.
        using var failing = new ManualResetEventSlim();
        log.BeforeSync = () =>
        {
            failing.Wait(TimeSpan.FromSeconds(30));
            throw new IOException("the disk is gone");
        };
        var lost = log.AppendAsync("b"u8.ToArray(), TestContext.Current.CancellationToken);
        var waiter = Task.Run(() => log.WaitDurable(1, TestContext.Current.CancellationToken));
        await Task.Delay(100, TestContext.Current.CancellationToken);
        waiter.IsCompleted.ShouldBeFalse();
        failing.Set();
        (await waiter.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).ShouldBeFalse();
        await Should.ThrowAsync<LogException>(lost);
    }

    [Fact]
    public async Task ACallbackThatThrows_DoesNotFaultTheLog()
    {
        using var dir = new TempFolder();
        await using var log = DurableLog.Open(dir.Path);
        var offset = await log.AppendBatchAsync(["a"u8.ToArray()], new AppendWatch(_ => throw new InvalidOperationException("staged listener bug"), _ => throw new InvalidOperationException("listener bug")), TestContext.Current.CancellationToken);

        offset.ShouldBe(0);
        (await log.AppendAsync("b"u8.ToArray(), TestContext.Current.CancellationToken)).ShouldBe(1);
        log.Read(0, 10).Select(r => Encoding.UTF8.GetString(r.Payload.Span)).ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task Groups_OverTheSizeLimit_AreSplit_AndEveryAppendIsToldItsOwnOffset()
    {
        using var dir = new TempFolder();
        // Room for about two 1 KB payloads per group: 40 concurrent appends make several groups, the one over the limit
        // carried into the next.
        await using var log = DurableLog.Open(dir.Path, new LogOptions { MaxGroupBytes = 2_200 });
        var told = new System.Collections.Concurrent.ConcurrentDictionary<int, long>();
        var appends = Enumerable.Range(0, 40).Select(i =>
            log.AppendBatchAsync([Encoding.UTF8.GetBytes($"{i:000}" + new string('x', 1_000))], new AppendWatch(Durable: first => told[i] = first), TestContext.Current.CancellationToken)).ToList();
        var offsets = await Task.WhenAll(appends);

        offsets.Order().ShouldBe(Enumerable.Range(0, 40).Select(i => (long)i));
        for (var i = 0; i < 40; i++)
        {
            told[i].ShouldBe(offsets[i]);
            Encoding.UTF8.GetString(log.Read(offsets[i], 1)[0].Payload.Span)[..3].ShouldBe($"{i:000}");
        }
        log.GroupCommits.ShouldBeGreaterThan(1);
    }
}
