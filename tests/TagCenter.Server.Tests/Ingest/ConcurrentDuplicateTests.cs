using TagCenter.Core.Workspace;
using TagCenter.Server.Ingest;
using TagCenter.Server.Log;
using TagCenter.Server.Tests.Api;

namespace TagCenter.Server.Tests.Ingest;

/// <summary>
/// Two requests carrying the same messageId at the same time (an SDK retrying after a timeout while the first
/// request is still being written): the second must not be acknowledged before the first one's records are durable,
/// and when the first write fails the second must fail too (so the SDK retries), never 200 for an event that is not
/// in the log. The first request's append is held open by a gate, so the order is fixed, not left to timing.
/// </summary>
public sealed class ConcurrentDuplicateTests(DemoWorkspace demo)
{
    private static SegmentBatch Batch(params string[] ids) => SegmentParser.ParseBatch(Bodies.Batch(
        [.. ids.Select(id => $$"""{"type":"track","event":"Viewed","userId":"u1","messageId":"{{id}}"}""")]));

    [Fact]
    public async Task A_duplicate_of_an_unfinished_write_waits_for_it_and_is_acked_once_it_is_durable()
    {
        await using var held = await HeldWrite.StartAsync(demo, "m1", "m2");
        var (ingest, source, gate, first) = (held.Ingest, held.Source, held.Gate, held.First);
        var second = ingest.AcceptAsync(source, Batch("m1"), TestContext.Current.CancellationToken);
        second.IsCompleted.ShouldBeFalse();   // m1 is not durable yet: no ack for it

        gate.Release.SetResult();
        (await first).Appended.ShouldBe(2);
        var receipt = await second;
        receipt.Duplicates.ShouldBe(1);
        ingest.Log.NextOffset.ShouldBe(2);   // written once
    }

    [Fact]
    public async Task When_the_first_write_fails_its_duplicate_fails_too_and_a_retry_writes_the_event()
    {
        await using var held = await HeldWrite.StartAsync(demo, "m1");
        var (ingest, source, gate, first) = (held.Ingest, held.Source, held.Gate, held.First);
        var second = ingest.AcceptAsync(source, Batch("m1", "m3"), TestContext.Current.CancellationToken);
        second.IsCompleted.ShouldBeFalse();

        gate.Release.SetException(new LogException("disk full"));
        await Should.ThrowAsync<LogException>(() => first);
        await Should.ThrowAsync<LogException>(() => second);   // m1 was never durable: no 200 for it

        var retry = await ingest.AcceptAsync(source, Batch("m1", "m3"), TestContext.Current.CancellationToken);
        retry.Appended.ShouldBe(1);   // m1 now; m3 was written by the second request
        var ids = ingest.Log.Read(0, 10).Select(r => SegmentPayload.MessageIdOf(r.Payload.Span)).ToList();
        ids.ShouldBe(["m3", "m1"]);
    }

    [Fact]
    public async Task Once_a_write_is_durable_the_window_keeps_no_task_of_it()
    {
        // The window holds ids for 24 h (up to 10M of them); the write's task is needed only while it is unfinished.
        await using var held = await HeldWrite.StartAsync(demo, "m1", "m2");
        var (ingest, source, gate, first) = (held.Ingest, held.Source, held.Gate, held.First);
        var racing = ingest.Seen.Claim(MessageKey.Of("m1"), Task.CompletedTask).ShouldNotBeNull();
        racing.IsCompleted.ShouldBeFalse();   // the unfinished write's own task
        gate.Release.SetResult();
        await first;

        ingest.Seen.Claim(MessageKey.Of("m1"), Task.CompletedTask).ShouldBeSameAs(Task.CompletedTask);
        ingest.Seen.Claim(MessageKey.Of("m2"), Task.CompletedTask).ShouldBeSameAs(Task.CompletedTask);
        ingest.Seen.Unfinished.ShouldBe(0);
    }

    /// <summary>A server whose first request (of <c>ids</c>) is in the log's hands and held there by the <see cref="Gate"/>.</summary>
    private sealed class HeldWrite : IAsyncDisposable
    {
        private TempFolder _temp = null!;
        private IngestServer _server = null!;

        public IngestService Ingest => _server.Ingest;

        public SourceDefinition Source { get; private set; } = null!;

        public Gate Gate { get; private set; } = null!;

        public Task<IngestReceipt> First { get; private set; } = null!;

        public static async Task<HeldWrite> StartAsync(DemoWorkspace demo, params string[] ids)
        {
            var held = new HeldWrite { _temp = new TempFolder() };
            held._server = await IngestServer.StartAsync(demo.Copy(held._temp), new IngestOptions { Consume = false });
            held.Source = held.Ingest.Keys.Find(IngestServer.Key)!;
            held.Gate = new Gate(held.Ingest);
            held.First = held.Ingest.AcceptAsync(held.Source, Batch(ids), TestContext.Current.CancellationToken);
            await held.Gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            return held;
        }

        public async ValueTask DisposeAsync()
        {
            await _server.DisposeAsync();
            _temp.Dispose();
        }
    }

    /// <summary>Holds the service's first append open until <see cref="Release"/> settles; later appends go to the log.</summary>
    private sealed class Gate
    {
        public Gate(IngestService ingest)
        {
            var real = ingest.Appender;
            var calls = 0;
            ingest.Appender = async (payloads, watch) =>
            {
                if (Interlocked.Increment(ref calls) > 1)
                    return await real(payloads, watch);
                Entered.SetResult();
                await Release.Task;
                return await real(payloads, watch);
            };
        }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
