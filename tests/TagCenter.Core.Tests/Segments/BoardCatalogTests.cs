using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Segments;
using TagCenter.Core.Text;

namespace TagCenter.Core.Tests.Segments;

public sealed class BoardCatalogTests
{
    public BoardCatalogTests() => Texts.Current = Language.En;

    private static readonly SegmentCatalog Segments = SegmentCatalog.From([new SegmentDefinition { Name = "高价值沉默", Rule = "x = 1", File = "segments/a.yaml" }]);

    [Fact]
    public void ParseFile_InlineAndReferencedCrowds_InOrder()
    {
        var diagnostics = new List<Diagnostic>();
        var board = BoardCatalog.ParseFile("boards/b.yaml", "b", "name: 看板\ncrowds:\n  新客: 阶段 = '新客'\n  高价值沉默: { segment: 高价值沉默 }\n", Segments, diagnostics);

        diagnostics.ShouldBeEmpty();
        board!.Crowds.Select(c => (c.Name, c.Segment)).ShouldBe([("新客", "看板/新客"), ("高价值沉默", "高价值沉默")]);
        var inline = board.Crowds[0].Inline!;
        (inline.Rule, inline.RuleLine, inline.RuleColumn, inline.Type).ShouldBe(("阶段 = '新客'", 3, 7, SegmentType.Dynamic));
        board.Crowds[1].Inline.ShouldBeNull();
    }

    [Fact]
    public void ParseFile_UnknownSegment_DidYouMeanAtItsLine()
    {
        var diagnostics = new List<Diagnostic>();
        BoardCatalog.ParseFile("boards/b.yaml", "b", "crowds:\n  a: { segment: 高价值沉寂 }\n", Segments, diagnostics).ShouldBeNull();

        diagnostics.Single().ToString().ShouldBe("boards/b.yaml:2:17: no segment named '高价值沉寂'; did you mean '高价值沉默'? (segments: 高价值沉默)");
    }
}
