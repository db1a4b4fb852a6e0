using Shouldly;

namespace TagCenter.DuckDb.Tests.Tags;

/// <summary>
/// most() on a tie: the SQL and the evaluator both take the smallest of the most frequent values, every time, so
/// identical runs store no change (DuckDB's mode() alone picks any of them).
/// </summary>
public sealed class MostTieTests : IDisposable
{
    private static readonly string[] Channels = ["微信", "app", "门店", "web", "小程序", "抖音"];
    private static DateTime D(int day) => new(2026, 10, day);

    // P1: six channels once each (a six-way tie); P2: 门店 twice beats app and web once; P3: app and web twice, NULL thrice.
    private readonly ChannelOrders _orders = new("""
        path: 测试
        tags:
          偏好渠道:
            code: channel
            type: string
            rule: >-
              most('orders', channel)
        """,
        [
            .. Channels.Select((c, i) => ("P1", (DateTime?)ChannelOrders.AsOf.AddDays(-1 - i), (string?)c)),
            ("P2", D(1), "web"), ("P2", D(2), "门店"), ("P2", D(3), "app"), ("P2", D(4), "门店"),
            ("P3", D(1), "web"), ("P3", D(2), null), ("P3", D(3), "app"), ("P3", D(4), null), ("P3", D(5), "web"), ("P3", D(6), "app"), ("P3", D(7), null),
        ]);

    [Fact]
    public void TiesGoToTheSmallestValue_InSqlAndInTheEvaluator()
    {
        _orders.Run();
        // "app" < "web" < "小程序" < "微信" < "抖音" < "门店" in code-point order.
        var expected = new Dictionary<string, object?> { ["P1"] = "app", ["P2"] = "门店", ["P3"] = "app" };
        _orders.Stored("channel").ShouldBe(expected);

        foreach (var person in expected.Keys)
            foreach (var reversed in new[] { false, true })
                _orders.Evaluate(person, reversed)["channel"].ShouldBe(expected[person], person);
    }

    [Fact]
    public void IdenticalRunsStoreNoChange()
    {
        _orders.Run();
        var before = _orders.Database.Scalar<long>("SELECT count(*) FROM tag_history");
        for (var i = 0; i < 5; i++)
            _orders.Run();
        _orders.Database.Scalar<long>("SELECT count(*) FROM tag_history").ShouldBe(before);
        _orders.Database.Scalar<long>("SELECT count(*) FROM tag_history WHERE valid_to IS NOT NULL").ShouldBe(0);
    }

    public void Dispose() => _orders.Dispose();
}
