using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Expressions;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;

namespace TagCenter.Core.Tests.Segments;

public sealed class SegmentCatalogTests
{
    public SegmentCatalogTests() => Texts.Current = Language.En;

    private static (SegmentDefinition? Segment, List<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        return (SegmentCatalog.ParseFile("segments/s.yaml", "s", yaml, diagnostics), diagnostics);
    }

    [Fact]
    public void ParseFile_Plain_ReadsEveryFieldAndTheRulePosition()
    {
        var (segment, diagnostics) = Parse("name: 高价值沉默\nowner: 会员运营部\ntype: static\nrule: 累计消费金额 > 3000\n");

        diagnostics.ShouldBeEmpty();
        segment!.Name.ShouldBe("高价值沉默");
        segment.Owner.ShouldBe("会员运营部");
        segment.Type.ShouldBe(SegmentType.Static);
        segment.BusinessLine.ShouldBe("全公司");
        (segment.RuleLine, segment.RuleColumn).ShouldBe((4, 7)); // "rule: " is 6 characters
    }

    [Fact]
    public void ParseFile_NoNameNoType_FileNameAndDynamic()
    {
        var (segment, _) = Parse("rule: >-\n  城市 = '上海'\n");

        segment!.Name.ShouldBe("s");
        segment.Type.ShouldBe(SegmentType.Dynamic);
        (segment.RuleLine, segment.RuleColumn).ShouldBe((2, 3)); // the block starts on the next line, indented by two
    }

    [Theory]
    [InlineData("rule: a = 1\nowner: x\nrulez: 1\n", 3, 1, "unknown key 'rulez'")]
    [InlineData("name: x\n", 1, 1, "'rule'")]
    [InlineData("rule: a = 1\ntype: frozen\n", 2, 7, "'frozen'")]
    [InlineData("rule: ''\n", 1, 7, "is empty")]
    [InlineData("name: a/b\nrule: x = 1\n", 1, 7, "cannot name a segment")]
    [InlineData("rule: a: b\n", 1, 7, "': '")]
    public void ParseFile_Mistake_DiagnosticAtItsPlace(string yaml, int line, int column, string message)
    {
        var (segment, diagnostics) = Parse(yaml);

        segment.ShouldBeNull();
        diagnostics.ShouldNotBeEmpty();
        diagnostics[0].File.ShouldBe("segments/s.yaml");
        (diagnostics[0].Line, diagnostics[0].Column).ShouldBe((line, column), diagnostics[0].ToString());
        diagnostics[0].Message.ShouldContain(message);
    }

    [Fact]
    public void Yaml_ThenParse_SameSegment()
    {
        var written = new SegmentDefinition { Name = "引号'与 冒号", Rule = "城市 = '上海' and not did('orders', within: 30d)", File = "", Type = SegmentType.Static, Description = "a: b" };

        var (segment, diagnostics) = Parse(SegmentCatalog.Yaml(written));

        diagnostics.ShouldBeEmpty();
        segment!.Name.ShouldBe(written.Name);
        segment.Rule.ShouldBe(written.Rule);
        segment.Description.ShouldBe("a: b");
        segment.Type.ShouldBe(SegmentType.Static);
    }

    [Fact]
    public void Load_TwoFilesOneName_Diagnostic()
    {
        using var folder = new TempFolder();
        var root = folder.Path;
        Directory.CreateDirectory(Path.Combine(root, "segments"));
        File.WriteAllText(Path.Combine(root, "segments", "a.yaml"), "name: x\nrule: a = 1\n");
        File.WriteAllText(Path.Combine(root, "segments", "b.yaml"), "name: x\nrule: a = 2\n");

        var error = Should.Throw<WorkspaceException>(() => SegmentCatalog.Load(root));

        error.Diagnostics.Single().ToString().ShouldBe("segments/b.yaml:1:1: segment 'x' is defined twice (also in segments/a.yaml)");
        Should.Throw<NotFoundException>(() => SegmentCatalog.From([]).Get("x")).Message.ShouldContain("no segment named 'x'");
    }

    [Fact]
    public void Predicates_AndOrNot_LeavesInReadingOrder_NotStaysWithItsLeaf()
    {
        var parsed = Parser.Parse("age between 18 and 25 and (城市 = '上海' or 城市 = '北京') and not did('orders', within: 30d)");

        var predicates = SegmentRule.Predicates(parsed.Root!).Select(p => parsed.Text.Substring(p.Span.Start, p.Span.Length));

        predicates.ShouldBe(["age between 18 and 25", "城市 = '上海'", "城市 = '北京'", "not did('orders', within: 30d)"]);
    }

    [Fact]
    public void CheckValues_ValueOutsideTheEnum_PositionAndTheValuesThatExist()
    {
        var catalog = TagCatalog.From([new TagDefinition
        {
            Name = "生命周期阶段", Code = "stage", Path = ["生命周期"], Kind = TagKind.Enum, Type = TagValueType.String,
            Values = ["新客", "活跃", "沉默"], Rule = "'新客'", File = "tags/t.yaml",
        }]);
        var segment = new SegmentDefinition { Name = "s", Rule = "城市 = '上海' and\n生命周期阶段 in ('活跃', '沉没')", File = "segments/s.yaml", RuleLine = 3, RuleColumn = 7 };
        var parsed = Parser.Parse(segment.Rule);

        var diagnostics = SegmentRule.CheckValues(segment, parsed.Root!, parsed.Text, catalog);

        // line 2 of the rule is line 4 of the file; the literal '沉没' (its opening quote) is at column 18 of that line.
        diagnostics.Single().ToString().ShouldBe("segments/s.yaml:4:18: segment 's': '沉没' is not a value of 生命周期阶段; did you mean '沉默'? (values: 新客, 活跃, 沉默)");
    }
}
