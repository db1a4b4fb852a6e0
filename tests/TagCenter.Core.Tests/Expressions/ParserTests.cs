using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using TagCenter.Core.Expressions;

namespace TagCenter.Core.Tests.Expressions;

public sealed class ParserTests
{
    /// <summary>A compact, unambiguous rendering of the tree.</summary>
    private static string Show(ExpressionNode node) => node switch
    {
        LiteralNode { Kind: LiteralKind.String } l => $"'{l.Value}'",
        LiteralNode { Kind: LiteralKind.Null } => "null",
        LiteralNode l => Convert.ToString(l.Value, System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant(),
        NameNode n => n.Name,
        UnaryNode u => $"({u.Operator} {Show(u.Operand)})",
        BinaryNode b => $"({b.Operator} {Show(b.Left)} {Show(b.Right)})",
        BetweenNode b => $"({(b.Negated ? "not-" : "")}between {Show(b.Value)} {Show(b.Low)} {Show(b.High)})",
        InNode i => $"({(i.Negated ? "not-" : "")}in {Show(i.Value)} [{string.Join(" ", i.Items.Select(Show))}])",
        IsNullNode n => $"({(n.Negated ? "not-" : "")}null? {Show(n.Value)})",
        CaseNode c => $"(case {string.Join(" ", c.Branches.Select(b => $"[{Show(b.When)} {Show(b.Then)}]"))}{(c.Else is null ? "" : " else " + Show(c.Else))})",
        CallNode c => $"({c.Function} {string.Join(" ", c.Arguments.Select(Show).Concat(c.Named.Select(n => $"{n.Key}:{Show(n.Value)}")))})",
        _ => "?",
    };

    [Theory]
    [InlineData("age between 18 and 25 and city = '上海' and not did('order_paid', within: 30d)",
        "(and (and (between age 18 25) (= city '上海')) (not (did 'order_paid' within:30d)))")]
    [InlineData("累计消费金额 > 3000 and 生命周期阶段 = '高价值沉默'", "(and (> 累计消费金额 3000) (= 生命周期阶段 '高价值沉默'))")]
    [InlineData("count('page_view', within: 30d) >= 5 and 偏好品类Top3 contains '母婴'",
        "(and (>= (count 'page_view' within:30d) 5) (contains 偏好品类Top3 '母婴'))")]
    [InlineData("case when 近30天访问次数 >= 10 then '高' when 近30天访问次数 >= 3 then '中' else '低' end",
        "(case [(>= 近30天访问次数 10) '高'] [(>= 近30天访问次数 3) '中'] else '低')")]
    [InlineData("count('order_paid', within: 30d, where: amount > 100)", "(count 'order_paid' within:30d where:(> amount 100))")]
    [InlineData("a or b and c", "(or a (and b c))")]
    [InlineData("not a = 1", "(not (= a 1))")]
    [InlineData("1 + 2 * 3 - -4", "(- (+ 1 (* 2 3)) (- 4))")]
    [InlineData("x not in ('a', 'b')", "(not-in x ['a' 'b'])")]
    [InlineData("x is not null or y is null", "(or (not-null? x) (null? y))")]
    [InlineData("x not between 1 and 2", "(not-between x 1 2)")]
    [InlineData("`会员 等级` <> 'VIP'", "(!= 会员 等级 'VIP')")]
    [InlineData("CITY = 'a' AND True", "(and (= CITY 'a') true)")]
    [InlineData("days_since('orders') > 90", "(> (days_since 'orders') 90)")]
    [InlineData("sum（'orders'，amount）", "(sum 'orders' amount)")]
    [InlineData("'it''s'", "'it's'")]
    public void Parse_Valid_Tree(string text, string expected)
    {
        var result = Parser.Parse(text);

        result.Diagnostics.ShouldBeEmpty();
        Show(result.Root!).ShouldBe(expected);
    }

    [Theory]
    [InlineData("count('x', within: 30x)", 19, "not a number or a window")]
    [InlineData("a > ", 4, "expected a value")]
    [InlineData("(a > 1", 6, "')' to close this '('")]
    [InlineData("a > 1 b", 6, "unexpected 'b' after a complete expression")]
    [InlineData("city = '上海", 7, "never closed")]
    [InlineData("case when a then 1", 18, "'end' to close 'case'")]
    [InlineData("a between 1 or 2", 12, "'and' between the two bounds")]
    [InlineData("x in 'a'", 5, "'(' to start the list")]
    [InlineData("a # b", 2, "unexpected character '#'")]
    [InlineData("f(where: 1, 2)", 12, "positional arguments must come before")]
    [InlineData("", 0, "empty")]
    [InlineData("a and or b", 6, "keyword 'or'")]
    public void Parse_Invalid_DiagnosticAtPosition(string text, int position, string message)
    {
        var result = Parser.Parse(text);

        result.Root.ShouldBeNull();
        var d = result.Diagnostics.ShouldHaveSingleItem();
        d.Span.Start.ShouldBe(position);
        d.Message.ShouldContain(message);
    }

    [Fact]
    public void Render_CaretUnderProblem()
    {
        var result = Parser.Parse("count('x',\n  within: 30x)");

        result.Diagnostics[0].Render(result.Text, "tags/a.yaml").ShouldBe(
            "tags/a.yaml:2:11: '30x' is not a number or a window; windows are whole numbers with a unit: h (hours), d (days), w (weeks), mo (months), y (years), e.g. 30d\n    within: 30x)\n            ^^^");
    }

    [Fact]
    public void Parse_HugeAndDeep_Diagnostics()
    {
        Parser.Parse(new string('a', 1 << 20)).Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("at most");
        Parser.Parse(new string('(', 5000) + "1" + new string(')', 5000)).Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("nested");
        Parser.Parse(string.Concat(Enumerable.Repeat("not ", 5000)) + "a").Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("nested");
        Parser.Parse(string.Join(" and ", Enumerable.Repeat("a = 1", 3000))).Success.ShouldBeTrue();
    }

    private static readonly string[] Fragments =
    [
        "a", "累计消费金额", " ", "1", "30d", "'x'", "'", "(", ")", ",", ":", "=", "!=", "<", ">=", "+", "-", "*", "/", "and", "or",
        "not", "in", "between", "is", "null", "case", "when", "then", "else", "end", "count(", "within:", "where:", "contains", "`", "#", "（", "\n",
    ];

    /// <summary>Whatever text arrives, the parser answers with a tree or diagnostics, never an exception.</summary>
    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property Parse_AnyText_NeverThrows() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements(Fragments)).Select(p => string.Join(" ", p)).ToArbitrary(), text =>
        {
            var result = Parser.Parse(text);
            return result.Success || result.Diagnostics.Count > 0;
        });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public bool Parse_RandomCharacters_NeverThrows(string text)
    {
        var result = Parser.Parse(text ?? "");
        return result.Success || result.Diagnostics.Count > 0;
    }
}
