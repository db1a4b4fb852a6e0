using Npgsql;
using Shouldly;
using TagCenter.Core.Activation;
using TagCenter.DuckDb.Activation;

namespace TagCenter.DuckDb.Tests.Activation;

/// <summary>
/// What every activation store must do, run on SQLite and on PostgreSQL (the one .ci/run starts): idempotent
/// enqueue, due order, retry/dead letter/replay, attempts, opt-outs, tasks and messages once per delivery,
/// bookmarks, counts, filters with and without values, and a batch that commits or rolls back as one.
/// The expected figures are counted by hand from the calls each test makes.
/// </summary>
public abstract class ActivationStoreContract : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);

    private SqlActivationStore? _store;

    protected abstract SqlActivationStore Open();

    private SqlActivationStore Store => _store ??= Open();

    private static OutboxItem Item(string key, string trigger, string person, int dueMinutes, ActionKind kind = ActionKind.Webhook) => new()
    {
        Key = key,
        Trigger = trigger,
        Person = person,
        Occurrence = "occ-" + key,
        Action = kind == ActionKind.Webhook
            ? new TriggerAction { Kind = ActionKind.Webhook, Url = "http://127.0.0.1:9/hook" }
            : new TriggerAction { Kind = kind, Queue = "门店顾问" },
        Payload = """{"person":"%P"}""".Replace("%P", person, StringComparison.Ordinal),
        CreatedAt = T0,
        DueAt = T0.AddMinutes(dueMinutes),
    };

    [Fact]
    public void Enqueue_IsIdempotentOnTheKey_AndDueComesInDueOrder()
    {
        Store.Enqueue(Item("a", "新客引导", "p1", 5)).ShouldBeTrue();
        Store.Enqueue(Item("a", "新客引导", "p1", 5)).ShouldBeFalse();
        Store.Enqueue(Item("b", "新客引导", "p2", 1)).ShouldBeTrue();
        Store.Enqueue(Item("c", "沉默召回", "p1", 30)).ShouldBeTrue();

        Store.Due(T0.AddMinutes(10), 10).Select(i => i.Key).ShouldBe(["b", "a"]);
        Store.NextDue().ShouldBe(T0.AddMinutes(1));
        var a = Store.Find("新客引导", null, "p1", 10).ShouldHaveSingleItem();
        a.Action.Url.ShouldBe("http://127.0.0.1:9/hook");
        a.Payload.ShouldBe("""{"person":"p1"}""");
        a.DueAt.ShouldBe(T0.AddMinutes(5));
        Store.Find(null, null, null, 10).Select(i => i.Key).ShouldBe(["c", "b", "a"]);
        Store.Find(null, DeliveryStatus.Pending, "p1", 10).Count.ShouldBe(2);
        Store.DeliveryTimes("新客引导", "p1").ShouldBe([T0.AddMinutes(5)]);
        Store.FindAmong(["沉默召回", "新客引导"], null, null, 2).Select(i => i.Key).ShouldBe(["c", "b"]);
        Store.FindAmong(["沉默召回", "另一条线"], DeliveryStatus.Pending, "p1", 10).Select(i => i.Key).ShouldBe(["c"]);
        Store.FindAmong([], null, null, 10).ShouldBeEmpty();
    }

    [Fact]
    public void Retry_DeadLetter_Replay_AndCounts()
    {
        Store.Enqueue(Item("a", "新客引导", "p1", 0));
        Store.Enqueue(Item("b", "新客引导", "p2", 0));
        var a = Store.Find(null, null, "p1", 1).Single().Id;
        var b = Store.Find(null, null, "p2", 1).Single().Id;

        Store.LogAttempt(a, 1, false, 12.5, "refused", T0);
        Store.Retry(a, 1, "refused", T0.AddMinutes(2));
        Store.Due(T0.AddMinutes(1), 10).Select(i => i.Id).ShouldBe([b]);
        Store.LogAttempt(a, 2, false, 7, "refused", T0.AddMinutes(2));
        Store.DeadLetter(a, 2, "refused", T0.AddMinutes(2));
        Store.LogAttempt(b, 1, true, 3.25, null, T0);
        Store.Delivered(b, 1, 3.25, T0);

        Store.Get(a)!.Status.ShouldBe(DeliveryStatus.Dead);
        Store.Get(a)!.LastError.ShouldBe("refused");
        Store.Get(b)!.LatencyMs.ShouldBe(3.25);
        Store.Get(b)!.DeliveredAt.ShouldBe(T0);
        Store.Attempts(a).Select(x => (x.Attempt, x.Ok, x.LatencyMs, x.Error)).ShouldBe([(1, false, 12.5, "refused"), (2, false, 7.0, "refused")]);
        Store.Counts().ShouldBe(new Dictionary<string, long> { ["dead"] = 1, ["delivered"] = 1 }, ignoreOrder: true);
        Store.Counts("新客引导")["dead"].ShouldBe(1);
        Store.List(DeliveryStatus.Dead, 10).ShouldHaveSingleItem().Id.ShouldBe(a);

        Store.Replay(b, T0).ShouldBeFalse("only a dead letter can be replayed");
        Store.Replay(a, T0.AddMinutes(3)).ShouldBeTrue();
        Store.Replay(a, T0.AddMinutes(3)).ShouldBeFalse("already pending");
        Store.Get(a)!.Attempts.ShouldBe(0);
        Store.Due(T0.AddMinutes(3), 10).ShouldHaveSingleItem().Id.ShouldBe(a);

        // Per trigger in one query: a (replayed, pending) and b (delivered) of 新客引导, c of another trigger.
        Store.Enqueue(Item("c", "沉默召回", "p1", 0));
        var byTrigger = Store.CountsByTrigger();
        byTrigger.Keys.ShouldBe(["新客引导", "沉默召回"], ignoreOrder: true);
        byTrigger["新客引导"].ShouldBe(new Dictionary<string, long> { ["pending"] = 1, ["delivered"] = 1 }, ignoreOrder: true);
        byTrigger["沉默召回"].ShouldBe(new Dictionary<string, long> { ["pending"] = 1 });
    }

    [Fact]
    public void OptOuts_Tasks_Messages_Bookmarks_AreOncePerKey()
    {
        Store.OptedOut("p1", "marketing").ShouldBeFalse();
        Store.OptOut("p1", "marketing", T0);
        Store.OptOut("p1", "marketing", T0.AddDays(1));
        Store.OptedOut("p1", "marketing").ShouldBeTrue();
        Store.OptedOut("p1", "service").ShouldBeFalse();

        var task = Item("t", "高价值流失预警", "p9", 0, ActionKind.Task);
        Store.AddTask(task, "回访");
        Store.AddTask(task, "回访");
        Store.Tasks(10).ShouldHaveSingleItem().Queue.ShouldBe("门店顾问");
        Store.AddMessage(task, "您好");
        Store.AddMessage(task, "您好");
        Store.Messages(10).ShouldHaveSingleItem().Text.ShouldBe("您好");

        Store.Bookmark("push").ShouldBeNull();
        Store.SetBookmark("push", "1");
        Store.SetBookmark("push", "2");
        Store.Bookmark("push").ShouldBe("2");
    }

    [Fact]
    public void Batch_CommitsAsOne_AndRollsBackOnFailure()
    {
        Store.Batch(() =>
        {
            Store.Enqueue(Item("a", "新客引导", "p1", 0));
            Store.Enqueue(Item("b", "新客引导", "p2", 0));
        });
        Should.Throw<InvalidOperationException>(() => Store.Batch(() =>
        {
            Store.Enqueue(Item("c", "新客引导", "p3", 0));
            throw new InvalidOperationException("half way");
        }));
        Store.Find(null, null, null, 10).Select(i => i.Key).ShouldBe(["b", "a"]);
    }

    public virtual void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteActivationStoreTests : ActivationStoreContract
{
    protected override SqlActivationStore Open() => SqliteActivationStore.InMemory();
}

/// <summary>The contract on the real PostgreSQL that .ci/run starts (TAGCENTER_TEST_PG), each test in a schema of its own.</summary>
public sealed class PostgresActivationStoreTests : ActivationStoreContract
{
    private readonly string _schema = "tc_act_" + Guid.NewGuid().ToString("N")[..12];
    private string? _server;

    protected override SqlActivationStore Open()
    {
        _server = TagCenter.Tests.TestPostgres.Require("the activation store");
        Execute($"CREATE SCHEMA {_schema}");
        // Through the same value users give --store, so the parsing is covered too.
        return ActivationStores.Open(new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ConnectionString, "/unused");
    }

    private void Execute(string sql)
    {
        using var pg = new NpgsqlConnection(_server);
        pg.Open();
        using var command = new NpgsqlCommand(sql, pg);
        command.ExecuteNonQuery();
    }

    public override void Dispose()
    {
        base.Dispose();
        if (_server is not null)
            Execute($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
    }
}
