using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TagCenter.Core.Activation;
using TagCenter.DuckDb.Activation;

namespace TagCenter.DuckDb.Tests.Activation;

public sealed class DeliveryDispatcherTests : IDisposable
{
    private readonly SqliteActivationStore _store = SqliteActivationStore.InMemory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 4, 0, 0, TimeSpan.Zero));
    private readonly FlakyReceiver _receiver = new();
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tagcenter-tests", Guid.NewGuid().ToString("N"));

    private static readonly DispatchOptions Fast = new() { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(1), Timeout = TimeSpan.FromSeconds(5) };

    private static TriggerDefinition Webhook(string url = "https://crm.example.com/hook") => new()
    {
        Name = "召回",
        When = new TriggerCondition { Kind = TriggerKind.Enters, Segment = "S" },
        Actions = [new TriggerAction { Kind = ActionKind.Webhook, Url = url, SecretEnv = "CRM_SECRET" }],
        File = "f",
    };

    private TriggerEngine Engine(params TriggerDefinition[] triggers) =>
        new(triggers, [], _store, TimeZoneInfo.Utc, _time);

    private DeliveryDispatcher Dispatcher(DispatchOptions? options = null) =>
        new(_store, DeliveryDispatcher.Channels(_store, _root, new HttpClient(_receiver), _time, env => env == "CRM_SECRET" ? "s3cret" : null), _time, options ?? Fast);

    private static List<PersonChange> Entered(int persons, string occurrence = "s1") =>
        [.. Enumerable.Range(1, persons).Select(i => new PersonChange($"P{i}", ChangeKind.Entered, "S", null, null, new DateTimeOffset(2026, 11, 20, 4, 0, 0, TimeSpan.Zero), occurrence))];

    [Fact]
    public async Task DispatchAsync_ReceiverFailsHalfTheTime_EveryDeliveryArrivesExactlyOnce()
    {
        var engine = Engine(Webhook());
        engine.OnChanges(Entered(200)).Enqueued.ShouldBe(200);

        var report = await Dispatcher().DispatchAsync(TestContext.Current.CancellationToken);

        report.Delivered.ShouldBe(200);
        report.Dead.ShouldBe(0);
        _receiver.Accepted.Count.ShouldBe(200);
        _receiver.Accepted.Values.ShouldAllBe(n => n == 1);
        // Every other call failed: 400 calls for 200 deliveries, and each failure was logged as an attempt.
        _receiver.Calls.ShouldBe(400);
        _store.List(DeliveryStatus.Delivered, 1000).Sum(i => i.Attempts).ShouldBe(400);
    }

    [Fact]
    public async Task DispatchAsync_SameChangesAgain_NothingNewEnqueuedOrSent()
    {
        var engine = Engine(Webhook());
        engine.OnChanges(Entered(20));
        await Dispatcher().DispatchAsync(TestContext.Current.CancellationToken);

        var again = engine.OnChanges(Entered(20));
        var second = await Dispatcher().DispatchAsync(TestContext.Current.CancellationToken);

        (again.Enqueued, again.Duplicates).ShouldBe((0, 20));
        second.Delivered.ShouldBe(0);
        _receiver.Accepted.Count.ShouldBe(20);
    }

    [Fact]
    public async Task DispatchAsync_ReceiverDown_DeadLetterThenReplayDelivers()
    {
        var engine = Engine(Webhook());
        engine.OnChanges(Entered(3));
        _receiver.Down = true;

        var first = await Dispatcher().DispatchAsync(TestContext.Current.CancellationToken);

        first.Dead.ShouldBe(3);
        var dead = _store.List(DeliveryStatus.Dead, 10);
        dead.Count.ShouldBe(3);
        dead.ShouldAllBe(d => d.Attempts == 4 && d.LastError!.Contains("503"));
        _store.Attempts(dead[0].Id).Count.ShouldBe(4);

        _receiver.Down = false;
        _receiver.FailEveryOther = false;
        _store.Replay(dead[0].Id, _time.GetUtcNow()).ShouldBeTrue();
        _store.Replay(dead[0].Id, _time.GetUtcNow()).ShouldBeFalse();
        var replayed = await Dispatcher().DispatchAsync(TestContext.Current.CancellationToken);

        replayed.Delivered.ShouldBe(1);
        _receiver.Accepted.ShouldContainKey(dead[0].DeliveryId);
        _store.Get(dead[0].Id)!.Status.ShouldBe(DeliveryStatus.Delivered);
    }

    [Fact]
    public async Task DispatchAsync_Signature_VerifiesWithTheSharedSecret()
    {
        Engine(Webhook()).OnChanges(Entered(1));
        _receiver.FailEveryOther = false;

        await Dispatcher().DispatchAsync(TestContext.Current.CancellationToken);

        var (signature, body) = _receiver.Signed.ShouldHaveSingleItem();
        signature.ShouldStartWith($"t={_time.GetUtcNow().ToUnixTimeSeconds()},v1=");
        using var hmac = new System.Security.Cryptography.HMACSHA256("s3cret"u8.ToArray());
        var expected = Convert.ToHexStringLower(hmac.ComputeHash(System.Text.Encoding.UTF8.GetBytes($"{_time.GetUtcNow().ToUnixTimeSeconds()}.{body}")));
        signature.ShouldEndWith(expected);
        JsonDocument.Parse(body).RootElement.GetProperty("person").GetString().ShouldBe("P1");
    }

    [Fact]
    public async Task DispatchAsync_OneDestinationDown_OthersDelivered()
    {
        var down = Webhook("https://down.example.com/hook") with { Name = "坏" };
        var task = Webhook() with { Name = "任务", Actions = [new TriggerAction { Kind = ActionKind.Task, Queue = "顾问" }] };
        Engine(down, task).OnChanges(Entered(50));
        _receiver.Down = true;

        var report = await Dispatcher().DispatchAsync(TestContext.Current.CancellationToken);

        report.Destinations.Single(d => d.Destination == "task:顾问").Delivered.ShouldBe(50);
        report.Destinations.Single(d => d.Destination == "webhook:down.example.com").Delivered.ShouldBe(0);
        _store.Tasks(100).Count.ShouldBe(50);
    }

    [Fact]
    public async Task DispatchAsync_FileAction_CsvInDropFolderOnly()
    {
        var trigger = Webhook() with { Actions = [new TriggerAction { Kind = ActionKind.File, Folder = "drop", Format = "csv" }] };
        Engine(trigger).OnChanges(Entered(3));

        await Dispatcher().DispatchAsync(TestContext.Current.CancellationToken);

        var file = Directory.GetFiles(Path.Combine(_root, "drop")).ShouldHaveSingleItem();
        file.ShouldEndWith(".csv");
        var lines = File.ReadAllLines(file);
        lines[0].ShouldBe("delivery_id,trigger,person,occurrence,detail,created_at");
        lines.Skip(1).Select(l => l.Split(',')[2]).ShouldBe(["P1", "P2", "P3"]);
    }

    public void Dispose()
    {
        _store.Dispose();
        if (Directory.Exists(_root))
            Directory.Delete(_root, true);
    }
}
