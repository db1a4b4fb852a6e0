using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;

namespace TagCenter.Core.Tests.Tags;

public sealed class TagCompilerTests
{
    private static readonly ModelSchema Schema = new(
        new Dictionary<string, TagValueType> { ["city"] = TagValueType.String, ["birthday"] = TagValueType.Date, ["age"] = TagValueType.Int },
        new Dictionary<string, IReadOnlyDictionary<string, TagValueType>>
        {
            ["orders"] = new Dictionary<string, TagValueType> { ["oneid"] = TagValueType.String, ["event_time"] = TagValueType.Timestamp, ["amount"] = TagValueType.Decimal, ["status"] = TagValueType.String },
            ["events"] = new Dictionary<string, TagValueType> { ["oneid"] = TagValueType.String, ["event_time"] = TagValueType.Timestamp, ["event"] = TagValueType.String },
        })
    { Events = new HashSet<string> { "page_view", "app_start" } };

    /// <summary>Writes one tag file (rules as block scalars, as users write them) and loads it like a workspace.</summary>
    private static TagCatalog Catalog(params (string Name, string Type, string Rule, string[]? Values)[] tags)
    {
        using var folder = new TempFolder();
        var root = folder.Path;
        Directory.CreateDirectory(Path.Combine(root, "tags"));
        var yaml = "path: 测试/主题\ntags:\n" + string.Concat(tags.Select((t, i) =>
            $"  {t.Name}:\n    code: t{i}\n    kind: {(t.Values is null ? "value" : "enum")}\n    type: {t.Type}\n" +
            (t.Values is null ? "" : $"    values: [{string.Join(", ", t.Values)}]\n") +
            $"    rule: >-\n      {t.Rule}\n"));
        File.WriteAllText(Path.Combine(root, "tags", "t.yaml"), yaml);
        return TagCatalog.Load(root);
    }

    private static TagCompilation Compile(params (string Name, string Type, string Rule, string[]? Values)[] tags) =>
        TagCompiler.Compile(Catalog(tags), Schema, new DateTime(2026, 11, 1));

    [Fact]
    public void Compile_SameFactAndWindow_OneGroupByPassSharedAggregates()
    {
        var result = Compile(
            ("a", "int", "count('orders', within: 30d)", null),
            ("b", "decimal", "sum('orders', amount, within: 30d, where: status = 'paid')", null),
            ("c", "int", "count('orders', within: 30d) + 1", null),
            ("d", "int", "count('orders')", null));

        result.Diagnostics.ShouldBeEmpty();
        result.Sql.Split("FROM \"fact_orders\"").Length.ShouldBe(2); // one scan of the fact for every window
        result.Sql.ShouldMatch(@"sum\(""amount""\) FILTER \(WHERE event_time > CAST\(\$1 AS TIMESTAMP\) - to_days\(CAST\(\$\d+ AS INTEGER\)\) AND \(\(""status"" = CAST\(\$\d+ AS VARCHAR\)\)\)\)");
        System.Text.RegularExpressions.Regex.Count(result.Sql, @"count\(\*\) FILTER \(WHERE event_time > CAST\(\$1 AS TIMESTAMP\) - to_days\(CAST\(\$\d+ AS INTEGER\)\)\) AS").ShouldBe(1); // a and c share it
        result.Sql.ShouldContain("count(*) AS");
        result.Parameters[0].ShouldBe(new DateTime(2026, 11, 1));
        result.Parameters.ShouldContain("paid");
        result.Sql.ShouldNotContain("'paid'"); // values are bound, never spliced
        result.Sql.ShouldNotContain("30"); // windows too
        result.Parameters.ShouldContain(30);
    }

    [Fact]
    public void Compile_ComputedTags_LayeredByDependency()
    {
        var result = Compile(
            ("访问", "int", "count('page_view', within: 30d)", null),
            ("活跃度", "string", "case when 访问 >= 5 then '高' else '低' end", ["高", "低"]));

        result.Diagnostics.ShouldBeEmpty();
        result.Dependencies["活跃度"].ShouldBe(["访问"]);
        result.Sql.ShouldContain("l1 AS");
        result.Sql.ShouldContain("l2 AS");
        result.Sql.ShouldContain("\"event\" = CAST($");
    }

    [Theory]
    [InlineData("city > 5", "cannot compare text with a whole number")]
    [InlineData("count('orders', within: 30x)", "not a number or a window")]
    [InlineData("count('ordres')", "did you mean 'orders'")]
    [InlineData("sum('orders', amout)", "did you mean 'amount'")]
    [InlineData("cty = 'a'", "did you mean 'city'")]
    [InlineData("sum('orders', status)", "needs a number column")]
    [InlineData("count('orders', where: amount)", "'where:' needs a condition")]
    [InlineData("city and true", "'and' needs true/false")]
    [InlineData("cuont('orders')", "did you mean 'count'")]
    [InlineData("case when age > 1 then 'x' else 3 end", "every branch must give the same type")]
    public void Compile_Mistake_DiagnosticWithTagAndPosition(string rule, string message)
    {
        var result = Compile(("x", "string", rule, null));

        result.Success.ShouldBeFalse();
        var d = result.Diagnostics.ShouldHaveSingleItem();
        d.Message.ShouldContain(message);
        d.Message.ShouldStartWith("tag 'x'");
        d.File.ShouldBe("tags/t.yaml");
        d.Line.ShouldBe(8); // the rule's own line in the file
    }

    [Fact]
    public void Compile_UnknownNameNotATypo_SuggestsDeclaringGoldenField()
    {
        var result = Compile(("x", "bool", "会员等级 = '金卡'", null));

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("declare 会员等级 under identity.golden in tagcenter.yaml");
    }

    [Fact]
    public void Compile_UnknownNameCloseTypo_DidYouMeanOnly()
    {
        var message = Compile(("x", "bool", "cty = 'a'", null)).Diagnostics.ShouldHaveSingleItem().Message;

        message.ShouldContain("did you mean 'city'");
        message.ShouldNotContain("identity.golden");
    }

    [Fact]
    public void Compile_RuleOf2000Terms_DiagnosticNotEngineError()
    {
        var result = Compile(("x", "int", string.Join("+", Enumerable.Repeat("1", 2000)), null));

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("levels deep");
    }

    [Fact]
    public void Compile_InChinese_DiagnosticInChinese()
    {
        Texts.Current = Language.Zh;
        try
        {
            var d = Compile(("消费", "int", "sum('orders', amout)", null)).Diagnostics.ShouldHaveSingleItem();

            d.Message.ShouldStartWith("标签 '消费'：'amout' 不是 fact_orders 的列；你是不是想写 'amount'？");
        }
        finally
        {
            Texts.Current = Language.En;
        }
    }

    [Fact]
    public void Compile_Cycle_NamesTheCycle()
    {
        var result = Compile(("甲", "int", "乙 + 1", null), ("乙", "int", "甲 + 1", null));

        result.Diagnostics.ShouldContain(d => d.Message.Contains("甲 → 乙 → 甲"));
    }

    [Fact]
    public void Compile_CheckOnly_TheSameDiagnostics_AndNoStatement()
    {
        (string, string, string, string[]?)[] broken = [("甲", "int", "乙 + 1", null), ("乙", "int", "甲 + 1", null), ("x", "int", "city", null), ("y", "bool", "age >", null)];
        (string, string, string, string[]?)[] fine = [("a", "int", "count('orders', within: 30d)", null), ("b", "bool", "a > 2", null)];
        var catalog = Catalog(broken);
        var asOf = new DateTime(2026, 11, 1);

        var checkedOnly = TagCompiler.Compile(catalog, Schema, asOf, checkOnly: true);

        // A cycle, a type mismatch and a parse error, as a full compile gives them.
        checkedOnly.Diagnostics.Select(d => d.ToString()).ShouldBe(TagCompiler.Compile(catalog, Schema, asOf).Diagnostics.Select(d => d.ToString()));
        checkedOnly.Diagnostics.Count.ShouldBe(3);
        var valid = TagCompiler.Compile(Catalog(fine), Schema, asOf, ["b"], checkOnly: true);
        valid.Diagnostics.ShouldBeEmpty();
        valid.Sql.ShouldBeEmpty();
        valid.Dependencies["b"].ShouldBe(["a"]);
        TagCompiler.Compile(Catalog(fine), Schema, asOf, ["b"]).Sql.ShouldNotBeEmpty();
    }

    [Fact]
    public void Compile_DeclaredTypeMismatch_Reported()
    {
        var result = Compile(("x", "int", "city", null));

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldContain("gives string, but the tag is declared int");
    }

    [Fact]
    public void Compile_Only_IncludesUpstream()
    {
        var catalog = Catalog(("a", "int", "count('orders')", null), ("b", "int", "a * 2", null), ("c", "string", "city", null));

        var result = TagCompiler.Compile(catalog, Schema, new DateTime(2026, 11, 1), ["b"]);

        result.Tags.Select(t => t.Name).ShouldBe(["a", "b"]);
    }
}
