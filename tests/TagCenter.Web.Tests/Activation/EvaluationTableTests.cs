using TagCenter.Client;
using TagCenter.Web.Activation;

namespace TagCenter.Web.Tests.Activation;

/// <summary>Tag evaluation lines: coverage of the latest run by sequence (not by list order), its change since the first, most used first.</summary>
public sealed class EvaluationTableTests
{
    private static TagEvaluation Tag(string name, int segments, params TagCoveragePoint[] coverage) =>
        new(name, name + "_code", new TagUsageCounts(segments, [.. Enumerable.Range(0, segments).Select(i => "s" + i)], [], [], []), coverage, 0.05, []);

    [Fact]
    public void Rows_LatestRunBySequence_AndMostUsedFirst()
    {
        var rows = EvaluationTable.Rows(
        [
            Tag("城市", 1, new(3, new DateTime(2026, 3, 3), 90, 0.9), new(1, new DateTime(2026, 3, 1), 50, 0.5), new(2, new DateTime(2026, 3, 2), 80, 0.8)),
            Tag("年龄", 3),
        ]);

        rows.Select(r => r.Tag).ShouldBe(["年龄", "城市"]);
        rows[0].Coverage.ShouldBeNull();
        rows[0].CoverageChange.ShouldBeNull();
        rows[0].UsedBy.ShouldBe(["s0", "s1", "s2"]);
        rows[1].Coverage.ShouldBe(0.9);
        rows[1].CoverageChange!.Value.ShouldBe(0.4, 1e-12);
        rows[1].Runs.ShouldBe(3);
    }

    [Fact]
    public void Rows_EquallyReferenced_MoreReadsAndExportsFirst_AndCarried()
    {
        static TagEvaluation Read(string name, long reads, long exports) =>
            new(name, name + "_code", new TagUsageCounts(0, [], [], [], [], reads, exports), [], null, []);

        var rows = EvaluationTable.Rows([Read("性别", 0, 0), Read("城市", 2, 1), Read("年龄", 5, 0)]);

        rows.Select(r => r.Tag).ShouldBe(["年龄", "城市", "性别"]);
        (rows[1].Reads, rows[1].Exports).ShouldBe((2L, 1L));
    }
}
