using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TagCenter.Core.Models;
using TagCenter.Core.Models.Propensity;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Models;

namespace TagCenter.DuckDb.Tests.Models;

/// <summary>
/// Propensity through the engine: features as of the cut-off (no leakage), a label read after it, a tag label with
/// unexpected values, and a lookalike ranking planted look-alikes first.
/// </summary>
public sealed class PropensityTrainingTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 11, 1, 0, 0, 0);
    private static readonly DateTime Cutoff = AsOf.AddDays(-90);
    private readonly TestWorkspace _workspace = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero));

    public PropensityTrainingTests()
    {
        _workspace.WithYaml("sources: {}").WithFile("tags/t.yaml", """
            path: 测试
            tags:
              订单数: { code: orders, type: int, rule: "count('orders', where: status = 'paid')" }
              城市: { code: city, type: string, from: city }
              会员: { code: member, type: bool, rule: "level = '金卡'" }
              等级: { code: level, type: string, from: level }
              流失概率: { code: churn, kind: model, type: decimal }
              相似度: { code: similar, kind: model, type: decimal }
            """);
        _workspace.Database.Execute("CREATE TABLE fact_orders (oneid VARCHAR, event_time TIMESTAMP, amount DECIMAL(18,2), status VARCHAR)");
    }

    public void Dispose() => _workspace.Dispose();

    private TagCatalog Catalog => TagCatalog.Load(_workspace.Root);

    private void Persons(IEnumerable<(string Id, string City, string Level)> persons)
    {
        var db = _workspace.Database;
        db.Execute("CREATE OR REPLACE TABLE dim_person (oneid VARCHAR, city VARCHAR, level VARCHAR)");
        foreach (var (id, city, level) in persons)
            db.Execute("INSERT INTO dim_person VALUES ($1, $2, $3)", id, city, level);
    }

    private void Order(string id, DateTime at) =>
        _workspace.Database.Execute("INSERT INTO fact_orders VALUES ($1, $2, 100, 'paid')", id, at);

    private static ModelDefinition Churn => new()
    {
        Name = "churn",
        Kind = ModelKind.Propensity,
        Input = new ModelInput("orders", "event_time", null, null, new Dictionary<string, string> { ["status"] = "paid" }),
        Label = new ModelLabel(ModelLabelKind.Absent, 90, null, [], []),
        Features = ["订单数", "城市"],
        Parameters = new ModelParameters(),
        Outputs = new Dictionary<string, string> { ["probability"] = "流失概率" },
        File = "models/m.yaml",
    };

    /// <summary>
    /// 1,000 persons with 0–3 orders before the cut-off, drawn independently of the outcome; the half who "stay" order
    /// 3 more times in the 90 days after it. Order count as of the cut-off says nothing about staying; counted as of
    /// now it says everything.
    /// </summary>
    private void LeakageData()
    {
        var random = new Random(3);
        var ids = Enumerable.Range(0, 1000).Select(i => $"P{i:D4}").ToList();
        Persons(ids.Select(id => (id, random.Next(2) == 0 ? "上海" : "北京", "普通")));
        foreach (var id in ids)
        {
            for (var k = random.Next(4); k > 0; k--)
                Order(id, Cutoff.AddDays(-random.Next(1, 300)));
            if (random.Next(2) == 0)
                for (var k = 0; k < 3; k++)
                    Order(id, Cutoff.AddDays(random.Next(1, 89)));
        }
    }

    [Fact]
    public void Train_ChurnLabelAfterCutoff_FeaturesAsOfCutoffCarryNoFuture()
    {
        LeakageData();
        var report = new ModelTrainer(_workspace.Database, _time, Catalog).Train(Churn, AsOf);
        report.Succeeded.ShouldBeTrue(report.Message);
        var holdout = (Dictionary<string, object?>)report.Metrics["holdout"]!;
        // Features as of the cut-off are independent of the outcome: AUC ≈ 0.5 (200 held out: ±0.1 is 2.5 σ).
        ((double)holdout["auc"]!).ShouldBeInRange(0.4, 0.6);
        report.Metrics["labelled_persons"].ShouldBe(1000);
        var positives = _workspace.Database.Scalar<long>($"SELECT count(*) FROM dim_person WHERE oneid NOT IN (SELECT oneid FROM fact_orders WHERE event_time > '{Cutoff:yyyy-MM-dd}')");
        report.Metrics["positives"].ShouldBe((int)positives);
    }

    [Fact]
    public void Train_ChurnLabel_SameDataWithFeaturesAsOfNowWouldLeak()
    {
        // The control that shows the test above can fail: the same learner on order counts as of now, not the cut-off.
        LeakageData();
        var leaked = ModelFeatures.Read(_workspace.Database, Catalog, ["订单数", "城市"], new Dictionary<string, string>(), AsOf);
        var stayed = _workspace.Database.Rows($"SELECT DISTINCT oneid FROM fact_orders WHERE event_time > '{Cutoff:yyyy-MM-dd}'").Select(r => (string)r[0]!).ToHashSet();
        var labels = leaked.Table.OneIds.Select(id => (bool?)!stayed.Contains(id)).ToArray();
        PropensityClassifier.Fit(leaked.Table, labels, leaked.Table, new PropensityOptions()).Holdout.Auc.ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public void Train_TagLabelWithUndeclaredValue_FailsNamingModelAndKeepsPrevious()
    {
        var random = new Random(5);
        Persons(Enumerable.Range(0, 400).Select(i => ($"P{i:D4}", random.Next(2) == 0 ? "上海" : "北京", random.Next(3) == 0 ? "金卡" : "普通")));
        var model = Churn with
        {
            Input = null,
            Label = new ModelLabel(ModelLabelKind.Tag, 0, "等级", ["金卡"], ["普通"]),
            Features = ["城市"],
        };
        var trainer = new ModelTrainer(_workspace.Database, _time, Catalog);
        trainer.Train(model, AsOf).Succeeded.ShouldBeTrue();
        _workspace.Database.Execute("UPDATE dim_person SET level = '钻石' WHERE oneid = 'P0007'");
        var failed = trainer.Train(model, AsOf);
        failed.Succeeded.ShouldBeFalse();
        failed.Message!.ShouldContain("churn");
        failed.Message!.ShouldContain("钻石");
        failed.VersionInUse.ShouldBe(1);
        ModelTables.InUse(_workspace.Database)["churn"].ShouldBe(1);
    }

    [Fact]
    public void Train_OneClassOnly_FailsNamingModel()
    {
        Persons(Enumerable.Range(0, 200).Select(i => ($"P{i:D4}", "上海", "普通")));
        foreach (var i in Enumerable.Range(0, 200))
            Order($"P{i:D4}", Cutoff.AddDays(-10));
        // Nobody orders after the cut-off: everyone churned, one class.
        var report = new ModelTrainer(_workspace.Database, _time, Catalog).Train(Churn, AsOf);
        report.Succeeded.ShouldBeFalse();
        report.Message!.ShouldContain("churn");
        report.Message!.ShouldContain("200");
    }

    [Fact]
    public void Train_Lookalike_RanksPlantedLookalikesAboveOthers()
    {
        // Seed: 金卡 members in 上海 with many orders. Planted look-alikes: 上海 with many orders but 普通 (outside the
        // seed rule); everyone else: 北京 with few orders.
        var random = new Random(9);
        var persons = new List<(string, string, string)>();
        for (var i = 0; i < 900; i++)
        {
            var group = i < 150 ? "seed" : i < 200 ? "alike" : "other";
            var id = $"{group}-{i:D4}";
            persons.Add((id, group == "other" ? (random.Next(10) == 0 ? "上海" : "北京") : "上海", group == "seed" ? "金卡" : "普通"));
            for (var k = group == "other" ? random.Next(3) : 6 + random.Next(4); k > 0; k--)
                Order(id, AsOf.AddDays(-random.Next(1, 300)));
        }
        Persons(persons);
        var model = new ModelDefinition
        {
            Name = "alike",
            Kind = ModelKind.Lookalike,
            Input = null,
            Seed = "会员 and 城市 = '上海'",
            SeedRule = "会员 and 城市 = '上海'",
            Features = ["订单数", "城市"],
            Parameters = new ModelParameters(),
            Outputs = new Dictionary<string, string> { ["similarity"] = "相似度" },
            File = "models/m.yaml",
        };
        var report = new ModelTrainer(_workspace.Database, _time, Catalog).Train(model, AsOf);
        report.Succeeded.ShouldBeTrue(report.Message);
        report.Metrics["seed_size"].ShouldBe(150);
        report.Persons.ShouldBe(750);
        var scores = _workspace.Database.Rows("SELECT oneid, number FROM model_outputs WHERE model = 'alike' ORDER BY number DESC, oneid")
            .Select(r => (string)r[0]!).ToList();
        scores.ShouldNotContain(id => id.StartsWith("seed", StringComparison.Ordinal));
        // The 50 planted look-alikes fill (nearly) the top 50.
        scores.Take(50).Count(id => id.StartsWith("alike", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(45);
    }
}
