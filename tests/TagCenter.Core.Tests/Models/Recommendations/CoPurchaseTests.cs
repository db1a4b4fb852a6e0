using Shouldly;
using TagCenter.Core.Models.Recommendations;

namespace TagCenter.Core.Tests.Models.Recommendations;

public sealed class CoPurchaseTests
{
    /// <summary>Five orders: o1 奶粉 尿布 · o2 奶粉 尿布 湿巾 · o3 奶粉 湿巾 · o4 啤酒 尿布 · o5 啤酒 花生 (o2 lists 奶粉 twice).</summary>
    public static readonly (string Basket, string Item)[] Lines =
    [
        ("o1", "奶粉"), ("o1", "尿布"), ("o2", "奶粉"), ("o2", "尿布"), ("o2", "湿巾"), ("o2", "奶粉"),
        ("o3", "奶粉"), ("o3", "湿巾"), ("o4", "啤酒"), ("o4", "尿布"), ("o5", "啤酒"), ("o5", "花生"),
    ];

    [Fact]
    public void For_HandExample_SumsCoPurchaseCountsOverWhatWasBought()
    {
        // Bought 奶粉 and 尿布. 湿巾: with 奶粉 in o2 and o3 (2) + with 尿布 in o2 (1) = 3. 啤酒: with 尿布 in o4 = 1.
        // 花生 shares no basket with either: not recommended. A repeated line (奶粉 twice in o2) counts once.
        CoPurchase.For(Lines, new HashSet<string> { "奶粉", "尿布" }, 5).ShouldBe([new Recommendation("湿巾", 3), new Recommendation("啤酒", 1)]);
    }

    [Fact]
    public void For_TopAndTies_ByScoreThenItem()
    {
        // Bought 尿布: 奶粉 (o1, o2) = 2; 湿巾 (o2) = 1; 啤酒 (o4) = 1 → the tie goes to 啤酒 (ordinal before 湿巾).
        CoPurchase.For(Lines, new HashSet<string> { "尿布" }, 2).ShouldBe([new Recommendation("奶粉", 2), new Recommendation("啤酒", 1)]);
    }
}
