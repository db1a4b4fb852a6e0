using Shouldly;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Segments;

namespace TagCenter.DuckDb.Tests.Segments;

/// <summary>
/// Counting on the bitmap index gives the persons SQL gives, for rules the index answers alone, rules that need a
/// scan (behaviour, person fields) and NULLs. Hand figures from <see cref="SegmentFixture"/> as of 11-25:
/// P1 上海 no order in 30 days (0), P2 上海 1, P3 北京 1, P4 上海 1.
/// </summary>
public sealed class IndexSegmentCounterTests : IDisposable
{
    private readonly SegmentFixture _f = new();

    [Theory]
    [InlineData("城市 = '上海'", 3)]
    [InlineData("近30天订单 > 0", 3)]
    [InlineData("城市 = '上海' and 近30天订单 > 0", 2)]
    [InlineData("not (城市 = '上海') or 近30天订单 = 0", 2)]
    [InlineData("城市 != '上海' and did('orders', within: 10d)", 1)]
    [InlineData("did('orders', within: 20d) and not 城市 in ('北京')", 1)]
    [InlineData("近30天订单 between 1 and 1 and count('orders', where: amount > 25) >= 1", 2)]
    [InlineData("城市 is null", 0)]
    public void Count_IndexAgreesWithSqlAndTheHandCount(string rule, long expected)
    {
        _f.RunAt(SegmentFixture.Second);
        var db = _f.Workspace.Database;
        TagIndexBuilder.Build(db, _f.Workspace.Root, _f.Catalog, TimeProvider.System, TestContext.Current.CancellationToken);
        using var index = TagIndex.OpenIfCurrent(_f.Workspace.Root, db);
        index.ShouldNotBeNull();
        var segment = SegmentFixture.Segment("s", rule);

        var onIndex = new IndexSegmentCounter(db, _f.Catalog, SegmentFixture.Second, index).Count(segment, TestContext.Current.CancellationToken);
        var inSql = new SegmentEvaluator(db, _f.Catalog, SegmentFixture.Second).Count(segment, TestContext.Current.CancellationToken);

        onIndex.Engine.ShouldBe(SegmentCount.IndexEngine);
        (onIndex.Size, onIndex.Persons).ShouldBe((expected, 4L));
        inSql.Size.ShouldBe(expected);
    }

    [Fact]
    public void Count_SqlReadsTheStoredTagValues_NotValuesComputedAgainAtAnotherAsOf()
    {
        // Stored as of 11-25: orders in the last 30 days for P2, P3, P4. Computed again as of 11-01 it would be P1, P4.
        _f.RunAt(SegmentFixture.Second);
        var db = _f.Workspace.Database;
        TagIndexBuilder.Build(db, _f.Workspace.Root, _f.Catalog, TimeProvider.System, TestContext.Current.CancellationToken);
        using var index = TagIndex.OpenIfCurrent(_f.Workspace.Root, db)!;
        var segment = SegmentFixture.Segment("s", "近30天订单 > 0");

        var inSql = new SegmentEvaluator(db, _f.Catalog, SegmentFixture.First).Count(segment, TestContext.Current.CancellationToken);
        var onIndex = new IndexSegmentCounter(db, _f.Catalog, SegmentFixture.First, index).Count(segment, TestContext.Current.CancellationToken);

        (inSql.Size, onIndex.Size).ShouldBe((3L, 3L));
    }

    [Fact]
    public void OpenIfCurrent_IndexOlderThanTheLastRun_Null()
    {
        _f.RunAt(SegmentFixture.First);
        TagIndexBuilder.Build(_f.Workspace.Database, _f.Workspace.Root, _f.Catalog, TimeProvider.System, TestContext.Current.CancellationToken);
        _f.RunAt(SegmentFixture.Second);

        TagIndex.OpenIfCurrent(_f.Workspace.Root, _f.Workspace.Database).ShouldBeNull();
    }

    public void Dispose() => _f.Dispose();
}
