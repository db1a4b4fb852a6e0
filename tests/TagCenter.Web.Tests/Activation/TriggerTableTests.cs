using TagCenter.Client;
using TagCenter.Web.Activation;

namespace TagCenter.Web.Tests.Activation;

/// <summary>The triggers table: a column per status in a fixed order, a status the console does not know kept, hand-summed totals.</summary>
public sealed class TriggerTableTests
{
    private static TriggerSummary Trigger(string name, Dictionary<string, long> deliveries) =>
        new(name, "enters vip", "enters", ["message sms"], null, null, null, null, deliveries);

    [Fact]
    public void Of_CountsInStatusOrder_WithTotals()
    {
        var table = TriggerTable.Of(
        [
            Trigger("welcome", new() { ["pending"] = 2, ["delivered"] = 10, ["dead"] = 1, ["skipped_cap"] = 0, ["skipped_consent"] = 3 }),
            Trigger("winback", new() { ["delivered"] = 5, ["held"] = 4 }),
        ]);

        table.Statuses.ShouldBe(["delivered", "pending", "dead", "skipped_cap", "skipped_consent", "held"]);
        table.Rows[0].Counts.ShouldBe([10L, 2, 1, 0, 3, 0]);
        table.Rows[0].Total.ShouldBe(16);
        table.Rows[1].Counts.ShouldBe([5L, 0, 0, 0, 0, 4]);
        table.Rows[1].Total.ShouldBe(9);
        table.Totals.ShouldBe([15L, 2, 1, 0, 3, 4]);
        table.Total.ShouldBe(25);
    }

    [Fact]
    public void Of_NoTriggers_KnownColumnsAndZeroTotals()
    {
        var table = TriggerTable.Of([]);

        table.Statuses.Count.ShouldBe(5);
        table.Rows.ShouldBeEmpty();
        table.Total.ShouldBe(0);
    }
}
