using Shouldly;
using TagCenter.Core.Activation;

namespace TagCenter.Core.Tests.Activation;

public sealed class TriggerOccurrencesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 4, 0, 0, TimeSpan.Zero);

    private static TriggerDefinition T(string name, TriggerCondition when) => new()
    {
        Name = name,
        When = when,
        Actions = [new TriggerAction { Kind = ActionKind.Task, Queue = "q" }],
        File = "f",
    };

    private static readonly TriggerDefinition[] Triggers =
    [
        T("进入", new TriggerCondition { Kind = TriggerKind.Enters, Segment = "S" }),
        T("离开", new TriggerCondition { Kind = TriggerKind.Leaves, Segment = "S" }),
        T("规则", new TriggerCondition { Kind = TriggerKind.Rule, Rule = "x > 1" }),
        T("过线", new TriggerCondition { Kind = TriggerKind.Crosses, Tag = "累计消费金额", Threshold = 3000 }),
    ];

    private static PersonChange Tag(string person, string? before, string? after) => new(person, ChangeKind.TagChanged, "累计消费金额", before, after, At, "r1");

    [Fact]
    public void Decide_EachKind_FiresOnlyOnItsChange()
    {
        PersonChange[] changes =
        [
            new("P1", ChangeKind.Entered, "S", null, null, At, "s2"),
            new("P2", ChangeKind.Left, "S", null, null, At, "s2"),
            new("P3", ChangeKind.Entered, "other", null, null, At, "s2"),
            new("P4", ChangeKind.Entered, TriggerOccurrences.RuleSegment("规则"), null, null, At, "s2"),
            Tag("P5", "2800", "3100"),   // crosses upwards
            Tag("P6", "3100", "3200"),   // already above
            Tag("P7", "3100", "2900"),   // downwards
            Tag("P8", null, "3000"),     // first value, at the line
            Tag("P9", "2999.99", "2999.999"),
        ];

        var fired = TriggerOccurrences.Decide(Triggers, changes).Select(o => (o.Trigger, o.Person)).ToList();

        fired.ShouldBe([("进入", "P1"), ("离开", "P2"), ("规则", "P4"), ("过线", "P5"), ("过线", "P8")]);
    }

    [Fact]
    public void Decide_TagCodes_MappedToNames()
    {
        var change = new PersonChange("P1", ChangeKind.TagChanged, "total_spend", "1", "5000", At, "r1");

        TriggerOccurrences.Decide(Triggers, [change], code => code == "total_spend" ? "累计消费金额" : code).ShouldHaveSingleItem().Trigger.ShouldBe("过线");
    }

    [Theory]
    [InlineData(1000, 1250, 25.0)]
    [InlineData(1000, 750, -25.0)]
    [InlineData(1000, 1100, null)]
    [InlineData(1000, 1200, null)]   // exactly 20%: not more than
    [InlineData(0, 5, 100.0)]
    public void SizeAlert_MoreThanPercent_Fires(long before, long after, double? expected)
    {
        var when = new TriggerCondition { Kind = TriggerKind.SizeChange, Segment = "S", Percent = 20 };

        ((double?)TriggerOccurrences.SizeAlert(when, before, after)).ShouldBe(expected);
    }
}
