using Shouldly;
using TagCenter.DuckDb.Segments;

namespace TagCenter.DuckDb.Tests.Segments;

public sealed class SegmentExplainerTests : IDisposable
{
    private readonly SegmentFixture _f = new();

    [Fact]
    public void Explain_PersonOutside_EachPredicateWithItsValues()
    {
        var segment = SegmentFixture.Segment("上海近30天未下单", "城市 = '上海' and 近30天订单 > 0 and not did('orders', within: 30d)");

        var p1 = SegmentExplainer.Explain(_f.Workspace.Database, _f.Catalog, segment, "P1", SegmentFixture.Second);

        // P1 lives in 上海; its only order (10-20) is more than 30 days before 11-25.
        p1.Predicates.Select(p => (p.Text, string.Join("; ", p.Values.Select(v => $"{v.Name}={v.Value}")), p.Held)).ShouldBe([
            ("城市 = '上海'", "城市=上海", (bool?)true),
            ("近30天订单 > 0", "近30天订单=0", false),
            ("not did('orders', within: 30d)", "did('orders', within: 30d)=false", true),
        ]);
        p1.Result.ShouldBe(false);
        p1.Member.ShouldBeFalse();
    }

    [Fact]
    public void Explain_PersonInside_ResultTrue()
    {
        var segment = SegmentFixture.Segment("上海有单", "城市 = '上海' and 近30天订单 > 0");

        var p4 = SegmentExplainer.Explain(_f.Workspace.Database, _f.Catalog, segment, "P4", SegmentFixture.First);

        p4.Predicates.Select(p => p.Held).ShouldBe([true, true]);
        p4.Predicates[1].Values.ShouldBe([("近30天订单", (string?)"1")]);
        p4.Member.ShouldBeTrue();
    }

    public void Dispose() => _f.Dispose();
}
