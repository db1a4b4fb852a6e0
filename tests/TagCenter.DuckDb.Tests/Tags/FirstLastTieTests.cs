using Shouldly;

namespace TagCenter.DuckDb.Tests.Tags;

/// <summary>
/// first() and last() when rows share the earliest (latest) event time: the SQL and the evaluator both take the
/// smallest (largest) of the tied values, every time (DuckDB's arg_min and PostgreSQL's array_agg order each picked
/// their own: CI's agreement test saw last() give "refunded" on DuckDB and "paid" on PostgreSQL). Rows without a value
/// or without a time are not candidates, in either.
/// </summary>
public sealed class FirstLastTieTests : IDisposable
{
    private static readonly DateTime Early = new(2026, 10, 1), Late = new(2026, 10, 20);

    // P1: "web" and "app" tie first, "app", "门店" and "web" tie last; P2: the latest row has no channel; P3: a row without a time.
    private readonly ChannelOrders _orders = new("""
        path: 测试
        tags:
          首单渠道:
            code: first_channel
            type: string
            rule: >-
              first('orders', channel)
          末单渠道:
            code: last_channel
            type: string
            rule: >-
              last('orders', channel)
        """,
        [
            ("P1", Early, "web"), ("P1", Early, "app"), ("P1", Late, "web"), ("P1", Late, "门店"), ("P1", Late, "app"),
            ("P2", Early, "web"), ("P2", Late, null),
            ("P3", null, "app"), ("P3", Late, "web"),
        ]);

    [Fact]
    public void TiesGoToTheSmallestFirstAndTheLargestLast_InSqlAndInTheEvaluator()
    {
        _orders.Run();
        var (first, last) = (_orders.Stored("first_channel"), _orders.Stored("last_channel"));
        // Code-point order: "app" < "web" < "门店".
        var expected = new Dictionary<string, (string?, string?)> { ["P1"] = ("app", "门店"), ["P2"] = ("web", "web"), ["P3"] = ("web", "web") };
        expected.Keys.ToDictionary(p => p, p => ((string?)first[p], (string?)last[p])).ShouldBe(expected);

        foreach (var person in expected.Keys)
            foreach (var reversed in new[] { false, true })
            {
                var values = _orders.Evaluate(person, reversed);
                ((string?)values["first_channel"], (string?)values["last_channel"]).ShouldBe(expected[person], person);
            }
    }

    public void Dispose() => _orders.Dispose();
}
