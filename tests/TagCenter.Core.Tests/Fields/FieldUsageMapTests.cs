using Shouldly;
using TagCenter.Core.Fields;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Tests.Fields;

public sealed class FieldUsageMapTests
{
    private static WorkspaceDefinition Workspace() => new()
    {
        Root = "/w",
        Name = "w",
        Entities = [],
        Identifiers = [],
        Sources =
        [
            new SourceDefinition
            {
                Name = "orders", Kind = SourceKind.Csv, Fact = "orders", EventTime = "paid_at",
                Columns = [new ColumnDefinition { Name = "member_no", From = "m", Identifier = "member_no" }, new ColumnDefinition { Name = "amount", From = "a" }, new ColumnDefinition { Name = "paid_at", From = "p" }],
            },
            new SourceDefinition { Name = "crm", Kind = SourceKind.Csv, Columns = [new ColumnDefinition { Name = "city", From = "c" }] },
        ],
        Identity = new IdentityDefinition
        {
            Rules = IdentityDefinition.DefaultRules,
            Golden = [new GoldenField("city", SurvivorshipRule.MostRecent, [("crm", "city")])],
        },
    };

    private static readonly Dictionary<string, IReadOnlyList<string>> Reads = new()
    {
        ["消费"] = ["fact_orders.amount"],
        ["城市"] = ["dim_person.city"],
        ["下单次数"] = ["fact_orders"],
    };

    [Fact]
    public void Of_SourceColumnReadThroughItsFact_UsedByTheTag()
    {
        var map = new FieldUsageMap(Workspace(), Reads);

        map.Of("src_orders", "amount").Tags.ShouldBe(["消费"]);
        map.Of("fact_orders", "amount").Tags.ShouldBe(["消费"]);
        map.Of("src_orders", "member_no").Identifier.ShouldBe("member_no");
    }

    [Fact]
    public void Of_GoldenFieldSource_GoldenAndTheTagsReadingIt()
    {
        var usage = new FieldUsageMap(Workspace(), Reads).Of("src_crm", "city");

        usage.Golden.ShouldBe(["city"]);
        usage.Tags.ShouldBe(["城市"]);
    }

    [Fact]
    public void Of_EventTime_UsedByEveryTagReadingTheFact()
    {
        var map = new FieldUsageMap(Workspace(), Reads);

        map.Of("src_orders", "paid_at").Tags.ShouldBe(["下单次数", "消费"]);
        map.Of("fact_orders", "event_time").Tags.ShouldBe(["下单次数", "消费"]);
    }

    [Fact]
    public void Of_FactKeys_ModelKeysAndUsed()
    {
        var map = new FieldUsageMap(Workspace(), Reads);

        map.Of("fact_orders", "oneid").ModelKey.ShouldBeTrue();
        map.Of("fact_orders", "event_time").Used.ShouldBeTrue();
        map.Of("src_crm", "nothing").Used.ShouldBeFalse();
    }
}
