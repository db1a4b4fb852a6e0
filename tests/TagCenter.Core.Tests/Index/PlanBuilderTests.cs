using Shouldly;
using TagCenter.Core.Expressions.Binding;
using TagCenter.Core.Index;

namespace TagCenter.Core.Tests.Index;

/// <summary>Rules over six persons whose answers were counted by hand (see the table), NULLs included.</summary>
public sealed class PlanBuilderTests
{
    private static Dictionary<string, object?> P(string? level, bool? vip, int? n, decimal? m, string? d) => new()
    {
        ["f_level"] = level,
        ["f_vip"] = vip,
        ["f_n"] = n is { } x ? (decimal)x : null,
        ["f_m"] = m,
        ["f_d"] = d is null ? null : DateTime.Parse(d, System.Globalization.CultureInfo.InvariantCulture),
    };

    //            level  vip    n     m         d
    // P0         高     true   5     3000.55   2026-07-01
    // P1         中     false  null  3000.56   2026-08-01
    // P2         null   null   0     null      null
    // P3         低     true   10    100.00    2026-09-15
    // P4         高     null   null  5000      2026-08-02
    // P5         中     true   3     2999.99   2025-12-31
    private static readonly PlanFixture Six = new(
    [
        P("高", true, 5, 3000.55m, "2026-07-01"),
        P("中", false, null, 3000.56m, "2026-08-01"),
        P(null, null, 0, null, null),
        P("低", true, 10, 100.00m, "2026-09-15"),
        P("高", null, null, 5000m, "2026-08-02"),
        P("中", true, 3, 2999.99m, "2025-12-31"),
    ]);

    [Theory]
    [InlineData("m > 3000.555", new[] { 1, 4 })]
    [InlineData("m >= 3000.555", new[] { 1, 4 })]
    [InlineData("m < 3000.555", new[] { 0, 3, 5 })]
    [InlineData("m = 3000.555", new int[0])]
    [InlineData("m != 3000.555", new[] { 0, 1, 3, 4, 5 })]
    [InlineData("3000.56 <= m", new[] { 1, 4 })]
    [InlineData("not (level = '高')", new[] { 1, 3, 5 })]
    [InlineData("not (vip and n > 4)", new[] { 1, 2, 5 })]
    [InlineData("level in ('高', '低') or d < '2026-08-01'", new[] { 0, 3, 4, 5 })]
    [InlineData("n is null or not (n between 3 and 5)", new[] { 1, 2, 3, 4 })]
    [InlineData("level not in ('中', null)", new int[0])]
    [InlineData("vip != true and m >= 3000.56", new[] { 1 })]
    [InlineData("f_n > 3 and level = '高'", new[] { 0 })]
    [InlineData("not (f_n > 3) or vip is null", new[] { 2, 4, 5 })]
    [InlineData("n = null or not (n != null)", new int[0])]
    public void Plan_HandCountedRules(string rule, int[] expected)
    {
        var bound = PlanFixture.Bind(rule);
        bound.Diagnostics.ShouldBeEmpty();
        var plan = PlanBuilder.Build(bound.Root, Six.Index);
        var executor = Six.Executor();

        executor.Execute(plan).Select(o => (int)o).ShouldBe(expected, PlanBuilder.Describe(plan));
        executor.Count(plan).ShouldBe(expected.Length);
        Six.EvaluatorSet(bound.Root).Select(o => (int)o).ShouldBe(expected);
    }

    [Fact]
    public void Plan_IndexAnswersTagPredicates_ScansTheRest()
    {
        var bound = PlanFixture.Bind("level = '高' and not (m > 3000.555) and f_n > 3");

        PlanBuilder.Describe(PlanBuilder.Build(bound.Root, Six.Index)).ShouldBe("""
            AND
              level = '高'
              ANDNOT
                m IS NOT NULL
                m > 300055 (encoded)
              SCAN (f_n > 3)
            """);
    }

    [Fact]
    public void Plan_NegatedScan_ScansForFalse()
    {
        var bound = PlanFixture.Bind("not (f_n > 3)");

        var scan = PlanBuilder.Build(bound.Root, Six.Index).ShouldBeOfType<ScanPlan>();
        scan.Text.ShouldBe("not ((f_n > 3))");
    }

    [Fact]
    public void BoundText_ComparisonOfComparisons_ReadsBackTheSame()
    {
        // Written without parentheses this read back as "f_n > 3 = true", which does not parse: an internal error in segment count.
        var bound = PlanFixture.Bind("(f_n > 3) = (m > 3000)");

        var text = BoundText.Write(bound.Root);
        var again = PlanFixture.Bind(text);

        again.Success.ShouldBeTrue(text);
        BoundText.Write(again.Root).ShouldBe(text);
        text.ShouldBe("((f_n > 3) = (m > 3000))");
    }
}
