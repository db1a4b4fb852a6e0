using Shouldly;
using TagCenter.Core.Expressions;
using TagCenter.Core.Expressions.Binding;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;

namespace TagCenter.Core.Tests.Expressions;

public sealed class BinderTests
{
    private static readonly ModelSchema Schema = new(
        new Dictionary<string, TagValueType> { ["city"] = TagValueType.String, ["birthday"] = TagValueType.Date, ["age"] = TagValueType.Int },
        new Dictionary<string, IReadOnlyDictionary<string, TagValueType>>
        {
            ["orders"] = new Dictionary<string, TagValueType> { ["event_time"] = TagValueType.Timestamp, ["amount"] = TagValueType.Decimal, ["status"] = TagValueType.String },
            ["events"] = new Dictionary<string, TagValueType> { ["event_time"] = TagValueType.Timestamp, ["event"] = TagValueType.String },
        })
    { Events = new HashSet<string> { "page_view", "order_paid" } };

    private static readonly TagDefinition Level = new()
    {
        Name = "等级",
        Code = "level",
        Path = ["测试"],
        Kind = TagKind.Enum,
        Type = TagValueType.String,
        Values = ["高", "中", "低"],
        File = "t.yaml",
        Rule = "'高'",
    };

    private static readonly TagDefinition Spend = new()
    {
        Name = "消费",
        Code = "spend",
        Path = ["测试"],
        Kind = TagKind.Value,
        Type = TagValueType.Decimal,
        File = "t.yaml",
        Rule = "1",
    };

    private static readonly Dictionary<string, TagDefinition> Tags = new() { [Level.Name] = Level, [Spend.Name] = Spend };

    private static BoundRule Bind(string rule) => Binder.Bind(rule, Schema, Tags);

    [Fact]
    public void Bind_ResolvesTagsFieldsAndFactColumns_WithTypes()
    {
        var rule = Bind("消费 > 3000 and city = '上海' and did('orders', within: 7d, where: amount > 5) and did('order_paid')");

        rule.Diagnostics.ShouldBeEmpty();
        var parts = Conjuncts(rule.Root).ToList();
        parts.Count.ShouldBe(4);
        var spend = parts[0].ShouldBeOfType<BoundCompare>();
        spend.Left.ShouldBeOfType<BoundTag>().Tag.Code.ShouldBe("spend");
        spend.Right.ShouldBe(new BoundLiteral(3000m, TagValueType.Int, new TextSpan(5, 4)));
        parts[1].ShouldBeOfType<BoundCompare>().Left.ShouldBe(new BoundPersonField("city", TagValueType.String, new TextSpan(14, 4)));
        var orders = parts[2].ShouldBeOfType<BoundBehaviour>();
        (orders.Function, orders.Fact, orders.Event, orders.Within, orders.Type).ShouldBe(("did", "orders", (string?)null, (Window?)new Window(7, WindowUnit.Day), TagValueType.Bool));
        orders.Where.ShouldBeOfType<BoundCompare>().Left.ShouldBe(new BoundFactColumn("orders", "amount", TagValueType.Decimal, new TextSpan(63, 6)));
        var paid = parts[3].ShouldBeOfType<BoundBehaviour>();
        (paid.Fact, paid.Event, paid.Within).ShouldBe(("events", "order_paid", (Window?)null));
    }

    private static IEnumerable<BoundNode> Conjuncts(BoundNode node) => node is BoundLogical { IsAnd: true } and
        ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
        : [node];

    [Fact]
    public void Bind_CollectsDependenciesAndReads()
    {
        var rule = Bind("等级 = '高' or sum('orders', amount, where: status = 'paid') > 消费 or age < 30");

        rule.Diagnostics.ShouldBeEmpty();
        rule.Dependencies.ShouldBe(["等级", "消费"]);
        rule.Reads.ShouldBe(["dim_person.birthday", "fact_orders.amount", "fact_orders.status"]);
    }

    [Fact]
    public void Bind_EnumValueOutsideSet_ErrorListsValuesAtItsPosition()
    {
        Texts.Current = Language.En;
        var rule = Bind("等级 = '超高' or 等级 in ('中', '底')");

        rule.Diagnostics.Count.ShouldBe(2);
        rule.Diagnostics[0].Span.ShouldBe(new TextSpan(5, 4));
        rule.Diagnostics[0].Message.ShouldBe("'超高' is not a value of 等级; did you mean '高'? (values: 高, 中, 低)");
        rule.Diagnostics[1].Span.ShouldBe(new TextSpan(25, 3));
        rule.Diagnostics[1].Message.ShouldStartWith("'底' is not a value of 等级");
    }

    [Fact]
    public void Bind_NumberBeyondTheEngineTypes_ErrorAtTheLiteral()
    {
        Texts.Current = Language.En;
        // 200000000000000000000 fits neither BIGINT nor DECIMAL(18,4): before, the engine failed with a cast error.
        var rule = Bind("消费 > 200000000000000000000 or 消费 > 9223372036854775807 or 消费 > 99999999999999.9999");

        rule.Diagnostics.Count.ShouldBe(1);
        rule.Diagnostics[0].Span.ShouldBe(new TextSpan(5, 21));
        rule.Diagnostics[0].Message.ShouldStartWith("the number 200000000000000000000 is out of range");
    }

    [Fact]
    public void Bind_UnknownNameAndIncompatibleTypes_DiagnosticsWithSpans()
    {
        Texts.Current = Language.En;
        var rule = Bind("消费x > 1 or 消费 = '高'");

        rule.Diagnostics.Count.ShouldBe(2);
        rule.Diagnostics[0].Span.ShouldBe(new TextSpan(0, 3));
        rule.Diagnostics[0].Message.ShouldContain("unknown name '消费x'");
        rule.Diagnostics[0].Message.ShouldContain("did you mean '消费'");
        rule.Diagnostics[1].Message.ShouldBe("cannot compare a number with text using '='");
    }

    [Fact]
    public void Bind_TextComparedWithDate_ReadAsDateOnce_OrErrorAtItsPlace()
    {
        Texts.Current = Language.En;
        var birthday = Bind("birthday < '2000-01-31'").Root.ShouldBeOfType<BoundCompare>();
        birthday.Right.ShouldBe(new BoundLiteral(new DateTime(2000, 1, 31), TagValueType.Date, new TextSpan(11, 12)));

        var wrong = Bind("birthday between '2000-01-01' and '2000-02-30'");
        wrong.Diagnostics.Single().Span.ShouldBe(new TextSpan(34, 12));
        wrong.Diagnostics.Single().Message.ShouldBe("'2000-02-30' is not a date (write it as '2026-08-01')");
    }

    [Fact]
    public void Bind_MinusBeforeANumber_IsOneLiteral()
    {
        var rule = Bind("消费 > -1.25").Root.ShouldBeOfType<BoundCompare>();
        rule.Right.ShouldBe(new BoundLiteral(-1.25m, TagValueType.Decimal, new TextSpan(5, 5)));
    }
}
