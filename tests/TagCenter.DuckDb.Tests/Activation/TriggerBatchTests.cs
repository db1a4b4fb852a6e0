using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TagCenter.Core.Activation;
using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Tests.Segments;

namespace TagCenter.DuckDb.Tests.Activation;

/// <summary>
/// On <see cref="SegmentFixture"/>'s four persons: 上海 with an order in the last 30 days is {P1, P4} as of 11-01 and
/// {P2, P4} as of 11-25 (P2 entered, P1 left); 近30天订单 goes P1 1→0, P2 0→1, P3 0→1, P4 1→1.
/// </summary>
public sealed class TriggerBatchTests : IDisposable
{
    private readonly SegmentFixture _f = new();
    private readonly SqliteActivationStore _store = SqliteActivationStore.InMemory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero));

    private static readonly Core.Segments.SegmentDefinition Shanghai = SegmentFixture.Segment("上海有单", "城市 = '上海' and 近30天订单 > 0");

    private static readonly Core.Segments.SegmentDefinition WithOrders = SegmentFixture.Segment("有单", "近30天订单 > 0");

    private static TriggerDefinition T(string name, TriggerCondition when) => new()
    {
        Name = name,
        When = when,
        Actions = [new TriggerAction { Kind = ActionKind.Task, Queue = name }],
        File = $"triggers/{name}.yaml",
    };

    private static readonly TriggerDefinition[] Triggers =
    [
        T("进入", new TriggerCondition { Kind = TriggerKind.Enters, Segment = "上海有单" }),
        T("离开", new TriggerCondition { Kind = TriggerKind.Leaves, Segment = "上海有单" }),
        T("规则", new TriggerCondition { Kind = TriggerKind.Rule, Rule = "城市 = '北京' and 近30天订单 > 0" }),
        T("过线", new TriggerCondition { Kind = TriggerKind.Crosses, Tag = "近30天订单", Threshold = 1 }),
        T("规模", new TriggerCondition { Kind = TriggerKind.SizeChange, Segment = "有单", Percent = 10 }),
    ];

    private BatchReport Evaluate() =>
        TriggerBatch.Evaluate(_f.Workspace.Database, _f.Catalog, new TriggerEngine(Triggers, [], _store, TimeZoneInfo.Utc, _time), _time);

    private List<(string Trigger, string Person)> Pending() =>
        [.. _store.List(null, 100).OrderBy(i => i.Trigger, StringComparer.Ordinal).ThenBy(i => i.Person, StringComparer.Ordinal).Select(i => (i.Trigger, i.Person))];

    [Fact]
    public void Evaluate_TwoRuns_EachKindFiresForTheRightPersons()
    {
        _f.RunAt(SegmentFixture.First, Shanghai, WithOrders);
        Evaluate();
        // First evaluation: everyone in is "entered"; 近30天订单 reaches 1 for P1 and P4 (no earlier value).
        Pending().ShouldBe([("过线", "P1"), ("过线", "P4"), ("进入", "P1"), ("进入", "P4")]);

        _f.RunAt(SegmentFixture.Second, Shanghai, WithOrders);
        var second = Evaluate();

        // 过线 P2 P3, 离开 P1, 规则 P3 (北京 with an order), 进入 P2, and 有单 going 2 → 3 (+50 % > 10 %).
        second.Enqueued.Enqueued.ShouldBe(6);
        second.SegmentAlerts.ShouldBe(1);
        Pending().ShouldBe([
            ("离开", "P1"), ("规则", "P3"), ("规模", ""),
            ("过线", "P1"), ("过线", "P2"), ("过线", "P3"), ("过线", "P4"), ("进入", "P1"), ("进入", "P2"), ("进入", "P4")]);
    }

    [Fact]
    public void Evaluate_Again_NothingNew()
    {
        _f.RunAt(SegmentFixture.First, Shanghai, WithOrders);
        Evaluate();
        _f.RunAt(SegmentFixture.Second, Shanghai, WithOrders);
        Evaluate();
        var before = _store.List(null, 100).Count;

        var again = Evaluate();

        again.Enqueued.Enqueued.ShouldBe(0);
        _store.List(null, 100).Count.ShouldBe(before);
    }

    public void Dispose()
    {
        _store.Dispose();
        _f.Dispose();
    }
}
