using FsCheck;
using FsCheck.Fluent;
using Shouldly;
using TagCenter.Core.Expressions;
using TagCenter.Core.Text;

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
        Parser.Parse(string.Join(" and ", Enumerable.Repeat("a = 1", 2000))).Success.ShouldBeTrue();
    }

    [Theory]
    [InlineData("count('x', within: 999999999999999999999d)", "999999999999999999999d")]
    [InlineData("count('x', within: 99999999999y)", "99999999999y")]
    [InlineData("count('x', within: 0d)", "0d")]
    [InlineData("count('x', within: 36501d)", "36501d")]
    [InlineData("count('x', within: 101y)", "101y")]
    public void Parse_WindowOutOfRange_DiagnosticAtWindowWithRange(string text, string window)
    {
        var result = Parser.Parse(text);

        var d = result.Diagnostics.ShouldHaveSingleItem();
        d.Span.ShouldBe(new TextSpan(19, window.Length));
        d.Message.ShouldContain($"'{window}' is out of range");
        d.Message.ShouldContain("1–36500d");
        d.Message.ShouldContain("1–100y");
    }

    [Theory]
    [InlineData("36500d", 36500, WindowUnit.Day)]
    [InlineData("100y", 100, WindowUnit.Year)]
    [InlineData("1h", 1, WindowUnit.Hour)]
    [InlineData("6mo", 6, WindowUnit.Month)]
    public void Parse_WindowAtTheLimits_Accepted(string window, int amount, WindowUnit unit)
    {
        var result = Parser.Parse($"count('x', within: {window})");

        result.Diagnostics.ShouldBeEmpty();
        ((CallNode)result.Root!).Named["within"].ShouldBeOfType<LiteralNode>().Value.ShouldBe(new Window(amount, unit));
    }

    [Fact]
    public void Parse_NumberBeyondDecimal_Diagnostic() =>
        Parser.Parse(new string('9', 40) + " > 1").Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("too large");

    [Theory]
    [InlineData(2_000)]
    [InlineData(10_000)]
    public void Parse_LongArithmeticChain_DiagnosticNotStackOverflow(int terms)
    {
        var result = Parser.Parse(string.Join("+", Enumerable.Repeat("1", terms)));

        result.Root.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain($"more than {Parser.MaxHeight} levels deep");
    }

    [Fact]
    public void Parse_TooManyNodes_Diagnostic()
    {
        var result = Parser.Parse("x in (" + string.Join(", ", Enumerable.Repeat("1", Parser.MaxNodes)) + ")");

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("too big");
    }

    [Fact]
    public void Parse_LongAndChain_BalancedTree()
    {
        var result = Parser.Parse(string.Join(" and ", Enumerable.Range(0, 1000).Select(i => $"a = {i}")));

        result.Success.ShouldBeTrue();
        static int Height(ExpressionNode n) => n is BinaryNode { Operator: "and" } b ? 1 + Math.Max(Height(b.Left), Height(b.Right)) : 1;
        Height(result.Root!).ShouldBeLessThanOrEqualTo(11);
    }

    [Fact]
    public void Render_ChineseName_CaretsUnderTheNameByDisplayWidth()
    {
        var result = Parser.Parse("近30天访问次数 >= 5 和 活跃度 = '高'");

        var rendered = result.Diagnostics[0].Render(result.Text).Split('\n');
        rendered[0].ShouldStartWith("1:15: unexpected '和'");
        // 近30天访问次数 >= 5 is 13 characters but 19 columns wide: the caret goes under 和, two columns wide.
        rendered[2].ShouldBe("  " + new string(' ', 20) + "^^");
    }

    [Fact]
    public void Parse_InChinese_DiagnosticInChinese()
    {
        Texts.Current = Language.Zh;
        try
        {
            Parser.Parse("a > ").Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("此处应为一个值（标签名、数字、'文本' 或函数调用），实际是 表达式结尾");
            Parser.Parse("count('x', within: 0d)").Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("超出范围");
        }
        finally
        {
            Texts.Current = Language.En;
        }
    }

    private static readonly string[] Fragments =
    [
        "a", "累计消费金额", " ", "1", "30d", "'x'", "'", "(", ")", ",", ":", "=", "!=", "<", ">=", "+", "-", "*", "/", "and", "or",
        "not", "in", "between", "is", "null", "case", "when", "then", "else", "end", "count(", "within:", "where:", "contains", "`", "#", "（", "\n",
        "99999999999999999999999999999999", "999999999999999999999d", "0d", "99999999999y", "1.5d", "近30天访问次数", "1+1+1+1+1+1+1+1+1+1",
        "did(", "'近", "）", "，", "：", ".", "9.",
    ];

    /// <summary>Whatever text arrives, the parser answers with a tree or diagnostics, never an exception.</summary>
    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property Parse_AnyText_NeverThrows() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements(Fragments)).Select(p => string.Join(" ", p)).ToArbitrary(), text =>
        {
            var result = Parser.Parse(text);
            return result.Success || result.Diagnostics.Count > 0;
        });

    /// <summary>Long generated rules (chains, nesting) answer with a tree or a diagnostic, never a stack overflow.</summary>
    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Parse_LongChains_NeverThrows() =>
        Prop.ForAll(Gen.Choose(1, 20_000).SelectMany(n => Gen.Elements("+", "-", "*", " and ", " or ", " = ").Select(op => (n, op))).ToArbitrary(), x =>
        {
            var text = string.Join(x.op, Enumerable.Repeat("(1)", x.n));
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
