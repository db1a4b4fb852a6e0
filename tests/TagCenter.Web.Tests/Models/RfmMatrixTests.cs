using TagCenter.Web.Models;

namespace TagCenter.Web.Tests.Models;

/// <summary>The RFM matrix lays the eight classes out by monetary (rows) and recency × frequency (columns), shares of the total.</summary>
public sealed class RfmMatrixTests
{
    [Fact]
    public void Of_EightClasses_InTheirCells()
    {
        var matrix = RfmMatrix.Of(new Dictionary<string, long>
        {
            ["重要价值客户"] = 10,
            ["重要发展客户"] = 20,
            ["重要保持客户"] = 30,
            ["重要挽留客户"] = 40,
            ["一般价值客户"] = 50,
            ["一般发展客户"] = 60,
            ["一般保持客户"] = 70,
            ["一般挽留客户"] = 120,
        });

        matrix.Total.ShouldBe(400);
        matrix.Rows[0].Select(c => c.Class).ShouldBe(["重要价值客户", "重要发展客户", "重要保持客户", "重要挽留客户"]);
        matrix.Rows[1].Select(c => c.Class).ShouldBe(["一般价值客户", "一般发展客户", "一般保持客户", "一般挽留客户"]);
        matrix.Rows[1][3].Persons.ShouldBe(120);
        matrix.Rows[1][3].Share.ShouldBe(0.3);
        matrix.Rows[0][0].Share.ShouldBe(0.025);
    }

    [Fact]
    public void Of_MissingClass_IsZero()
    {
        var matrix = RfmMatrix.Of(new Dictionary<string, long> { ["重要价值客户"] = 5 });

        matrix.Rows.SelectMany(r => r).Count().ShouldBe(8);
        matrix.Rows[1][0].Persons.ShouldBe(0);
        matrix.Rows[0][0].Share.ShouldBe(1);
    }
}
