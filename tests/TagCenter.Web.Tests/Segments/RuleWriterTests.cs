using TagCenter.Core.Expressions;
using TagCenter.Web.Segments;

namespace TagCenter.Web.Tests.Segments;

/// <summary>
/// The builder's rule text, checked two ways: against texts written by hand, and by the engine's own parser (a
/// second implementation of the language), which must read every generated rule without a diagnostic.
/// </summary>
public sealed class RuleWriterTests
{
    private static RuleCondition Tag(string tag, RuleOperator op, string? value = null, string? high = null, bool numeric = false, params string[] values) =>
        new() { Tag = tag, Operator = op, Value = value, High = high, Numeric = numeric, Values = values };

    public static TheoryData<string, RuleCondition> Conditions => new()
    {
        { "城市 = '上海'", Tag("城市", RuleOperator.Equal, "上海") },
        { "age between 18 and 25", Tag("age", RuleOperator.Between, "18", "25", numeric: true) },
        { "累计消费金额 > 3000", Tag("累计消费金额", RuleOperator.Greater, "3000", numeric: true) },
        { "累计消费金额 > '三千'", Tag("累计消费金额", RuleOperator.Greater, "三千", numeric: true) },
        { "生命周期阶段 in ('新客', '活跃')", Tag("生命周期阶段", RuleOperator.In, null, null, false, "新客", "活跃") },
        { "生命周期阶段 not in ('流失')", Tag("生命周期阶段", RuleOperator.NotIn, null, null, false, "流失") },
        { "城市 is null", Tag("城市", RuleOperator.IsNull) },
        { "城市 is not null", Tag("城市", RuleOperator.IsNotNull) },
        { "name = 'O''Brien'", Tag("name", RuleOperator.Equal, "O'Brien") },
        { "`偏好 品类` != 'x'", Tag("偏好 品类", RuleOperator.NotEqual, "x") },
        { "RFM分层 = '重要价值客户'", Tag("RFM分层", RuleOperator.Equal, "重要价值客户") },
        { "did('orders', within: 30d)", new RuleCondition { IsBehaviour = true, Event = "orders", WithinDays = 30 } },
        { "count('orders', within: 90d) >= 3", new RuleCondition { IsBehaviour = true, Event = "orders", WithinDays = 90, AtLeast = 3 } },
        { "not (did('orders', within: 30d))", new RuleCondition { IsBehaviour = true, Event = "orders", WithinDays = 30, Not = true } },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Condition_Filled_WritesTheRuleByHand(string expected, RuleCondition condition)
    {
        RuleWriter.Condition(condition).ShouldBe(expected);
        Parses(expected);
    }

    [Fact]
    public void Write_AndGroupWithNestedOrAndNot_ParenthesisesTheNestedGroup()
    {
        var root = new RuleGroup { Conditions = { Tag("城市", RuleOperator.Equal, "上海") } };
        var any = new RuleGroup { Any = true, Conditions = { Tag("生命周期阶段", RuleOperator.Equal, "新客"), Tag("生命周期阶段", RuleOperator.Equal, "回流") } };
        root.Groups.Add(any);
        root.Conditions.Add(new RuleCondition { IsBehaviour = true, Event = "orders", WithinDays = 30, Not = true });

        var rule = RuleWriter.Write(root);

        rule.ShouldBe("城市 = '上海' and not (did('orders', within: 30d)) and (生命周期阶段 = '新客' or 生命周期阶段 = '回流')");
        Parses(rule);
    }

    [Fact]
    public void Write_NegatedOrGroupOfTwo_WrapsItInNot()
    {
        var root = new RuleGroup { Any = true, Not = true, Conditions = { Tag("a", RuleOperator.Equal, "1", numeric: true), Tag("b", RuleOperator.Equal, "2", numeric: true) } };

        RuleWriter.Write(root).ShouldBe("not (a = 1 or b = 2)");
    }

    [Fact]
    public void Write_IncompleteConditions_AreLeftOut()
    {
        var root = new RuleGroup
        {
            Conditions = { new RuleCondition(), Tag("城市", RuleOperator.Equal), Tag("age", RuleOperator.Between, "18", null, numeric: true), Tag("城市", RuleOperator.In), Tag("城市", RuleOperator.Equal, "北京") },
        };
        root.Groups.Add(new RuleGroup { Any = true, Conditions = { new RuleCondition() } });

        RuleWriter.Write(root).ShouldBe("城市 = '北京'");
    }

    [Fact]
    public void Write_NothingFilled_IsEmpty() => RuleWriter.Write(new RuleGroup { Conditions = { new RuleCondition() } }).ShouldBe("");

    private static void Parses(string rule) => Parser.Parse(rule).Diagnostics.ShouldBeEmpty(rule);
}
