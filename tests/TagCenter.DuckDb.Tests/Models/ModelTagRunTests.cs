using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TagCenter.Core.Models;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Tests.Models;

/// <summary>
/// Model tags in tag runs: filled from the model version in use, readable by computed tags, kept when a newer
/// training fails, and empty (and reported) before any training.
/// </summary>
public sealed class ModelTagRunTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 11, 1, 0, 0, 0);
    private readonly TestWorkspace _workspace = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero));

    // The hand-checked ten of the RFM tests (days since last order, paid orders, spend); K never ordered.
    private static readonly (string Id, int Days, int Orders, decimal Spend)[] Ten =
    [
        ("A", 5, 10, 5000), ("B", 5, 8, 300), ("C", 20, 1, 4000), ("D", 40, 6, 2000), ("E", 10, 1, 100),
        ("F", 90, 5, 800), ("G", 120, 2, 3000), ("H", 200, 7, 6000), ("I", 300, 1, 50), ("J", 360, 1, 4500),
    ];

    private static readonly ModelDefinition Rfm = new()
    {
        Name = "rfm",
        Kind = ModelKind.Rfm,
        Input = new ModelInput("orders", "event_time", "amount", "category", new Dictionary<string, string> { ["status"] = "paid" }),
        Parameters = new ModelParameters { WindowDays = 400 },
        Outputs = new Dictionary<string, string> { ["class"] = "RFM分层" },
        File = "models/m.yaml",
    };

    private static readonly ModelDefinition Top = new()
    {
        Name = "top",
        Kind = ModelKind.Preference,
        Input = new ModelInput("orders", "event_time", "amount", "category", new Dictionary<string, string>()),
        Parameters = new ModelParameters { WindowDays = 400, HalfLifeDays = 90, Top = 2 },
        Outputs = new Dictionary<string, string> { ["top"] = "偏好品类" },
        File = "models/m.yaml",
    };

    public ModelTagRunTests()
    {
        _workspace.WithYaml("sources: {}").WithFile("tags/t.yaml", """
            path: 测试
            tags:
              RFM分层: { code: rfm_class, kind: model, type: string }
              偏好品类: { code: top_categories, kind: model, type: list }
              活跃度:
                code: activity
                kind: enum
                type: string
                values: [高, 低]
                rule: >-
                  case when count('orders', within: 30d) >= 5 then '高' else '低' end
              忠诚用户:
                code: loyal
                type: bool
                rule: 活跃度 = '高' and RFM分层 = '重要价值客户'
            """);
        var db = _workspace.Database;
        db.Execute("CREATE TABLE dim_person AS SELECT * FROM (VALUES ('A'), ('B'), ('C'), ('D'), ('E'), ('F'), ('G'), ('H'), ('I'), ('J'), ('K')) t(oneid)");
        db.Execute("CREATE TABLE fact_orders (oneid VARCHAR, event_time TIMESTAMP, amount DECIMAL(18,2), status VARCHAR, category VARCHAR)");
        foreach (var (id, days, orders, spend) in Ten)
            for (var k = 0; k < orders; k++)
                db.Execute("INSERT INTO fact_orders VALUES ($1, $2, $3, 'paid', $4)", id, AsOf.AddDays(-days - k).AddHours(-3), spend / orders, k % 3 == 0 ? "服装" : "美妆");
    }

    public void Dispose() => _workspace.Dispose();

    private TagCatalog Catalog => TagCatalog.Load(_workspace.Root);

    private TagRunReport RunTags()
    {
        var values = ModelTagValues.InUse(_workspace.Database, ModelCatalog.From([Rfm, Top]), Catalog);
        return new TagRunner(_workspace.Database, _time).Run(Catalog, new TagRunOptions(AsOf) { ModelValues = values }, CancellationToken.None);
    }

    private Dictionary<string, object?> Column(string code) =>
        _workspace.Database.Rows($"SELECT oneid, \"{code}\" FROM person_tags ORDER BY oneid").ToDictionary(r => (string)r[0]!, r => r[1]);

    private void Train(params ModelDefinition[] models)
    {
        foreach (var model in models)
            new ModelTrainer(_workspace.Database, _time).Train(model, AsOf).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void ModelTags_HoldTheOutputsOfTheVersionInUse()
    {
        Train(Rfm, Top);
        var report = RunTags();
        report.UntrainedModelTags.ShouldBeEmpty();
        var classes = Column("rfm_class");
        var outputs = _workspace.Database.Rows("SELECT oneid, text FROM model_outputs WHERE model = 'rfm' AND output = 'class'").ToDictionary(r => (string)r[0]!, r => r[1]);
        outputs.Count.ShouldBe(10);
        foreach (var (id, value) in outputs)
            classes[id].ShouldBe(value);
        classes["K"].ShouldBeNull();
        // Hand-checked classes (RfmClassifierTests): A 重要价值客户, C 重要发展客户, J 重要挽留客户.
        classes["A"].ShouldBe("重要价值客户");
        classes["C"].ShouldBe("重要发展客户");
        classes["J"].ShouldBe("重要挽留客户");

        var lists = Column("top_categories");
        var items = _workspace.Database.Rows("SELECT oneid, list(text ORDER BY position) FROM model_outputs WHERE model = 'top' AND output = 'top' GROUP BY oneid")
            .ToDictionary(r => (string)r[0]!, r => r[1]);
        items.Count.ShouldBe(10);
        foreach (var (id, value) in items)
            lists[id].ShouldBe(value);
        // A's ten orders: k = 0, 3, 6, 9 are 服装 (4), the other six 美妆: 美妆 leads.
        ((System.Collections.IList)lists["A"]!)[0].ShouldBe("美妆");
        // The model tags have history like any tag.
        _workspace.Database.Scalar<long>("SELECT count(*) FROM tag_history WHERE tag = 'rfm_class'").ShouldBe(10);
    }

    [Fact]
    public void ComputedTag_ReadsTheModelTag_HandChecked()
    {
        Train(Rfm);
        RunTags();
        // 活跃度 高: A (10 orders in the last 30 days) and B (8); B is 一般价值客户 (spend in the second quintile).
        // So only A is 忠诚用户; K (no model output, 活跃度 低) is false, not unknown: 低 = 高 is false whatever the class.
        Column("activity").Where(kv => Equals(kv.Value, "高")).Select(kv => kv.Key).Order(StringComparer.Ordinal).ShouldBe(["A", "B"]);
        Column("rfm_class")["B"].ShouldBe("一般价值客户");
        var loyal = Column("loyal");
        loyal.Where(kv => Equals(kv.Value, true)).Select(kv => kv.Key).ShouldBe(["A"]);
        loyal["K"].ShouldBe(false);
    }

    [Fact]
    public void FailedTraining_KeepsThePreviousValuesInTheTagRun()
    {
        Train(Rfm);
        RunTags();
        var before = Column("rfm_class");
        _workspace.Database.Execute("DELETE FROM fact_orders");
        var failed = new ModelTrainer(_workspace.Database, _time).Train(Rfm, AsOf.AddDays(1));
        failed.Succeeded.ShouldBeFalse();
        failed.VersionInUse.ShouldBe(1);
        RunTags();
        Column("rfm_class").ShouldBe(before);
        Column("rfm_class")["A"].ShouldBe("重要价值客户");
    }

    [Fact]
    public void NeverTrained_ModelTagIsEmptyAndReported()
    {
        var report = RunTags();
        report.UntrainedModelTags.Order(StringComparer.Ordinal).ShouldBe(["RFM分层", "偏好品类"]);
        Column("rfm_class").Values.ShouldAllBe(v => v == null);
        Column("loyal").Values.ShouldAllBe(v => Equals(v, false) || v == null);
        Column("loyal")["A"].ShouldBeNull();
    }
}
