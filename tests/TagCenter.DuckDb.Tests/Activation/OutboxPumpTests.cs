using System.Diagnostics;
using Shouldly;
using TagCenter.Core.Activation;
using TagCenter.DuckDb.Activation;

namespace TagCenter.DuckDb.Tests.Activation;

/// <summary>
/// The server's outbox pump against a real local HTTP receiver: order per destination, retries then a dead letter,
/// replay, what a restart finds pending, and no key sent twice while announcements and sweeps race.
/// </summary>
public sealed class OutboxPumpTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 4, 0, 0, TimeSpan.Zero);
    private readonly CountingReceiver _receiver = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tagcenter-tests", Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DispatchOptions Options(int perDestination, int maxAttempts = 4) => new()
    {
        MaxAttempts = maxAttempts,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        Timeout = TimeSpan.FromSeconds(10),
        PerDestination = perDestination,
    };

    private string StorePath => Path.Combine(_root, ".tagcenter", SqliteActivationStore.FileName);

    private TriggerDefinition Webhook() => new()
    {
        Name = "召回",
        When = new TriggerCondition { Kind = TriggerKind.Enters, Segment = "S" },
        Actions = [new TriggerAction { Kind = ActionKind.Webhook, Url = _receiver.Url }],
        File = "f",
    };

    private TriggerEngine Engine(SqliteActivationStore store) => new([Webhook()], [], store, TimeZoneInfo.Utc, TimeProvider.System);

    private static List<PersonChange> Entered(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => new PersonChange($"P{i}", ChangeKind.Entered, "S", null, null, At, "s1"))];

    private OutboxPump Pump(SqliteActivationStore store, DispatchOptions options) =>
        new(store, DeliveryDispatcher.Channels(store, _root, _http, TimeProvider.System), TimeProvider.System, options);

    /// <summary>Runs the pump until <paramref name="done"/> holds (or 30 s pass), then stops it gracefully.</summary>
    private static async Task RunUntilAsync(OutboxPump pump, Func<bool> done, Action? whileRunning = null)
    {
        using var stop = new CancellationTokenSource();
        var running = pump.RunAsync(stop.Token, Token);
        whileRunning?.Invoke();
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
            await Task.Delay(10, Token);
        }
        await stop.CancelAsync();
        await running;
    }

    [Fact]
    public async Task RunAsync_OneWorkerPerDestination_DeliversInEnqueueOrder()
    {
        using var store = SqliteActivationStore.Open(StorePath);
        var pump = Pump(store, Options(perDestination: 1));

        await RunUntilAsync(pump, () => _receiver.Accepted.Count == 60, () =>
        {
            // Fed while running: three runs' worth of entries, each announced as it commits.
            foreach (var from in new[] { 1, 21, 41 })
                Engine(store).OnChanges(Entered(from, 20));
        });

        _receiver.Persons.ShouldBe(Enumerable.Range(1, 60).Select(i => $"P{i}").ToList());
        _receiver.Calls.ShouldBe(60);
        store.Counts()[DeliveryStatus.Delivered].ShouldBe(60);
    }

    [Fact]
    public async Task RunAsync_ReceiverDown_RetriesThenDeadLetter_ReplaySendsOnce()
    {
        using var store = SqliteActivationStore.Open(StorePath);
        var pump = Pump(store, Options(perDestination: 4, maxAttempts: 3));
        _receiver.Down = true;

        await RunUntilAsync(pump, () => store.Counts().GetValueOrDefault(DeliveryStatus.Dead) == 2, () => Engine(store).OnChanges(Entered(1, 2)));

        _receiver.Calls.ShouldBe(6); // 2 deliveries × 3 attempts
        var dead = store.List(DeliveryStatus.Dead, 10);
        dead.ShouldAllBe(d => d.Attempts == 3 && d.LastError!.Contains("503"));
        store.Attempts(dead[0].Id).Select(a => (a.Attempt, a.Ok)).ShouldBe([(1, false), (2, false), (3, false)]);

        _receiver.Down = false;
        var again = Pump(store, Options(perDestination: 4, maxAttempts: 3));
        await RunUntilAsync(again, () => store.Get(dead[0].Id)!.Status == DeliveryStatus.Delivered, () => store.Replay(dead[0].Id, TimeProvider.System.GetUtcNow()).ShouldBeTrue());

        _receiver.Accepted.ShouldBe(new Dictionary<string, int> { [dead[0].DeliveryId] = 1 });
        _receiver.Calls.ShouldBe(7);
        store.Get(dead[1].Id)!.Status.ShouldBe(DeliveryStatus.Dead);
    }

    [Fact]
    public async Task RunAsync_PendingAtStartAndStoppedMidway_EachSentOnceAcrossRestarts()
    {
        using (var before = SqliteActivationStore.Open(StorePath))
            Engine(before).OnChanges(Entered(1, 40)).Enqueued.ShouldBe(40); // nobody dispatching: all pending
        _receiver.Delay = TimeSpan.FromMilliseconds(20);

        using (var first = SqliteActivationStore.Open(StorePath))
            await RunUntilAsync(Pump(first, Options(perDestination: 2)), () => _receiver.Accepted.Count >= 10);
        var afterFirst = _receiver.Accepted.Count;
        using (var check = SqliteActivationStore.Open(StorePath))
            check.Counts()[DeliveryStatus.Delivered].ShouldBe(afterFirst); // what was sent was recorded before the stop returned
        _receiver.Delay = TimeSpan.Zero;
        using var second = SqliteActivationStore.Open(StorePath);
        await RunUntilAsync(Pump(second, Options(perDestination: 2)), () => second.Counts().GetValueOrDefault(DeliveryStatus.Pending) == 0);

        afterFirst.ShouldBeLessThan(40);
        _receiver.Accepted.Count.ShouldBe(40);
        _receiver.Accepted.Values.ShouldAllBe(n => n == 1);
        _receiver.Calls.ShouldBe(40);
        second.Counts()[DeliveryStatus.Delivered].ShouldBe(40);
    }

    [Fact]
    public async Task RunAsync_AnnouncementsSweepsAndASecondConnectionRace_NoKeySentTwice()
    {
        _receiver.FailFirstTry = true;
        using var store = SqliteActivationStore.Open(StorePath);
        using var other = SqliteActivationStore.Open(StorePath); // a run on its own connection: not announced, found by a sweep
        var pump = Pump(store, Options(perDestination: 8));
        using var ringing = new CancellationTokenSource();

        await RunUntilAsync(pump, () => store.Counts().GetValueOrDefault(DeliveryStatus.Delivered) == 800, () =>
        {
            _ = Task.Run(async () =>
            {
                while (!ringing.IsCancellationRequested)
                {
                    pump.Wake();
                    await Task.Delay(1);
                }
            });
            Parallel.For(0, 8, i => Engine(i % 2 == 0 ? store : other).OnChanges(Entered(i * 100 + 1, 100)));
        });
        await ringing.CancelAsync();

        _receiver.Accepted.Count.ShouldBe(800);
        _receiver.Accepted.Values.ShouldAllBe(n => n == 1);
        _receiver.Calls.ShouldBe(1600); // each key: one refused first try, one accepted retry; nothing more
        store.List(DeliveryStatus.Delivered, 1000).ShouldAllBe(d => d.Attempts == 2);
    }

    [Fact]
    public async Task RunAsync_FileAction_PendingRunLandsInFewFiles_EachRowOnce()
    {
        var trigger = Webhook() with { Actions = [new TriggerAction { Kind = ActionKind.File, Folder = "drop", Format = "csv" }] };
        using (var before = SqliteActivationStore.Open(StorePath))
            new TriggerEngine([trigger], [], before, TimeZoneInfo.Utc, TimeProvider.System).OnChanges(Entered(1, 300)).Enqueued.ShouldBe(300);
        using var store = SqliteActivationStore.Open(StorePath);

        await RunUntilAsync(Pump(store, Options(perDestination: 8)), () => store.Counts().GetValueOrDefault(DeliveryStatus.Pending) == 0);

        var files = Directory.GetFiles(Path.Combine(_root, "drop"));
        var persons = files.SelectMany(f => File.ReadAllLines(f).Skip(1)).Select(l => l.Split(',')[2]).Order(StringComparer.Ordinal).ToList();
        persons.ShouldBe(Enumerable.Range(1, 300).Select(i => $"P{i}").Order(StringComparer.Ordinal).ToList());
        // A sweep hands the pending rows over together and a worker takes up to 500 rows per file: a run's rows are not
        // split one per file. Usually 1–2 files; under load a worker may start before the sweep has handed over all
        // 300, so the bound is the destination's workers (8), far from the 300 of one file per row.
        files.Length.ShouldBeLessThanOrEqualTo(8);
    }

    public void Dispose()
    {
        _receiver.Dispose();
        _http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
            Directory.Delete(_root, true);
    }
}
