using Shouldly;
using TagCenter.Core.Activation;
using TagCenter.Core.Diagnostics;

namespace TagCenter.Core.Tests.Activation;

public sealed class ExperimentCatalogTests
{
    private static (ExperimentDefinition? Experiment, List<Diagnostic> Diagnostics) Parse(string yaml)
    {
        var diagnostics = new List<Diagnostic>();
        return (ExperimentCatalog.ParseFile("experiments/e.yaml", "e", yaml, new ActivationNames(["高价值沉默"], null), diagnostics), diagnostics);
    }

    [Fact]
    public void ParseFile_ArmsAndGoal_HoldoutIsTheRest()
    {
        var (e, diagnostics) = Parse("""
            segment: 高价值沉默
            arms:
              - { name: 短信, percent: 45, action: { message: { template: "hi {person}" } } }
              - { name: 顾问, percent: 40, action: { task: { queue: 顾问 } } }
            goal: { event: orders, within: 14d }
            """);

        diagnostics.ShouldBeEmpty();
        e!.Holdout.ShouldBe(15);
        e.Goal.ShouldBe(new ExperimentGoal("orders", TimeSpan.FromDays(14), null, null));
    }

    [Fact]
    public void ParseFile_ArmsOver100_DiagnosticAtHoldout()
    {
        var (e, diagnostics) = Parse("""
            segment: 高价值沉默
            arms:
              - { name: A, percent: 60, action: { task: { queue: q } } }
              - { name: B, percent: 30, action: { task: { queue: q } } }
            holdout: 20
            goal: { event: orders }
            """);

        e.ShouldBeNull();
        var d = diagnostics.ShouldHaveSingleItem();
        (d.Line, d.Column).ShouldBe((5, 10));
        d.Message.ShouldContain("110");
    }

    [Fact]
    public void ParseFile_UnknownSegment_Diagnostic()
    {
        var (_, diagnostics) = Parse("segment: 没有\narms: [{ name: A, percent: 50, action: { task: { queue: q } } }]\ngoal: { event: orders }\n");

        diagnostics.ShouldHaveSingleItem().Line.ShouldBe(1);
    }
}
