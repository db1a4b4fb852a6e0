using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TagCenter.Core.Models;
using TagCenter.Core.Models.Recommendations;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tests.Models;

public sealed class RecommendationTrainingTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 11, 1, 0, 0, 0);
    private readonly WorkspaceDatabase _db = WorkspaceDatabase.Open(":memory:");

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Train_HandExample_TopItemsNotYetBought()
    {
        // The core's five orders; A bought o1, B o2, C o3 and o4, D o5.
        Dictionary<string, string> owner = new() { ["o1"] = "A", ["o2"] = "B", ["o3"] = "C", ["o4"] = "C", ["o5"] = "D" };
        _db.Execute("CREATE TABLE fact_order_items (oneid VARCHAR, event_time TIMESTAMP, order_id VARCHAR, category VARCHAR)");
        foreach (var (basket, item) in CoPurchaseLines)
            _db.Execute("INSERT INTO fact_order_items VALUES ($1, $2, $3, $4)", owner[basket], AsOf.AddDays(-3), basket, item);
        var model = new ModelDefinition
        {
            Name = "rec",
            Kind = ModelKind.Recommendation,
            Input = new ModelInput("order_items", "event_time", null, "category", new Dictionary<string, string>()) { Basket = "order_id" },
            Parameters = new ModelParameters { Top = 3 },
            Outputs = new Dictionary<string, string> { ["items"] = "推荐" },
            File = "models/m.yaml",
        };
        var report = new ModelTrainer(_db, new FakeTimeProvider()).Train(model, AsOf);
        report.Succeeded.ShouldBeTrue(report.Message);
        var rows = _db.Rows("SELECT oneid, text, number FROM model_outputs WHERE model = 'rec' ORDER BY oneid, position")
            .Select(r => ((string)r[0]!, (string)r[1]!, Convert.ToInt64(r[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        // By hand: A (奶粉 尿布) → 湿巾 3, 啤酒 1; B (奶粉 尿布 湿巾) → 啤酒 1; C (奶粉 湿巾 啤酒 尿布) → 花生 1; D (啤酒 花生) → 尿布 1.
        rows.ShouldBe([("A", "湿巾", 3L), ("A", "啤酒", 1L), ("B", "啤酒", 1L), ("C", "花生", 1L), ("D", "尿布", 1L)]);
        // And the same as the core's reference for each person.
        foreach (var person in owner.Values.Distinct())
        {
            var bought = CoPurchaseLines.Where(l => owner[l.Basket] == person).Select(l => l.Item).ToHashSet();
            rows.Where(r => r.Item1 == person).Select(r => new Recommendation(r.Item2, r.Item3)).ShouldBe(CoPurchase.For(CoPurchaseLines, bought, 3));
        }
    }

    private static readonly (string Basket, string Item)[] CoPurchaseLines =
    [
        ("o1", "奶粉"), ("o1", "尿布"), ("o2", "奶粉"), ("o2", "尿布"), ("o2", "湿巾"), ("o2", "奶粉"),
        ("o3", "奶粉"), ("o3", "湿巾"), ("o4", "啤酒"), ("o4", "尿布"), ("o5", "啤酒"), ("o5", "花生"),
    ];
}
