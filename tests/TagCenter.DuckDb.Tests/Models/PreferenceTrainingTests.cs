using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TagCenter.Core.Models;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Models;

namespace TagCenter.DuckDb.Tests.Models;

/// <summary>
/// 偏好渠道 and 价格敏感度 as preference models through the engine, on weights computed by hand; and a preference tag
/// read as a feature as of a cut-off sees only the orders before it.
/// </summary>
public sealed class PreferenceTrainingTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 11, 1, 0, 0, 0);

    /// <summary>Models learn from events strictly before their as-of time: trained a minute later, an order of age 0 counts
    /// (every weight then carries the same factor 0.5^(1 min / half-life), which changes no ranking and no share).</summary>
    private static readonly DateTime TrainedAt = AsOf.AddMinutes(1);
    private readonly TestWorkspace _workspace = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero));

    public PreferenceTrainingTests()
    {
        _workspace.WithYaml("sources: {}").WithFile("tags/t.yaml", """
            path: 偏好
            tags:
              偏好渠道: { code: preferred_channel, kind: model, type: string }
              价格敏感度: { code: price_sensitivity, kind: model, type: string, values: [高, 中, 低] }
            """).WithFile("models/m.yaml", """
            models:
              preferred_channel:
                kind: preference
                input: { fact: orders, category: channel, where: { status: paid } }
                parameters: { half_life_days: 30 }
                outputs: { first: 偏好渠道 }
              price_sensitivity:
                kind: preference
                input: { fact: orders, category: coupon_used, where: { status: paid } }
                parameters: { half_life_days: 90, share_of: "true", levels: { 高: 0.5, 中: 0.2, 低: 0 } }
                outputs: { level: 价格敏感度 }
            """);
        var db = _workspace.Database;
        db.Execute("CREATE TABLE fact_orders (oneid VARCHAR, event_time TIMESTAMP, amount DECIMAL(18,2), status VARCHAR, channel VARCHAR, coupon_used BOOLEAN)");
        db.Execute("CREATE TABLE dim_person (oneid VARCHAR)");
    }

    public void Dispose() => _workspace.Dispose();

    private ModelCatalog Catalog => ModelCatalog.Load(_workspace.Root, TagCatalog.Load(_workspace.Root));

    private void Order(string id, double ageDays, string channel, bool coupon, string status = "paid")
    {
        _workspace.Database.Execute("INSERT INTO fact_orders VALUES ($1, $2, 100, $3, $4, $5)", id, AsOf.AddDays(-ageDays), status, channel, coupon);
        if (_workspace.Database.Scalar<long>("SELECT count(*) FROM dim_person WHERE oneid = $1", id) == 0)
            _workspace.Database.Execute("INSERT INTO dim_person VALUES ($1)", id);
    }

    private Dictionary<string, object?> Values(string model, int version, string output, TagValueType type)
    {
        var command = new SqlCommandBuilder(SqlDialect.DuckDb).Append(ModelTagValues.Query(model, version, output, type)).Build();
        return _workspace.Database.Rows(command.Sql, [.. command.Parameters]).ToDictionary(r => (string)r[0]!, r => r[1]);
    }

    [Fact]
    public void Train_PreferredChannel_HalfLife30_HandCheckedFirst()
    {
        // Half-life 30 days, weights by hand:
        // p: app at ages 0, 90, 120, 150 → 1 + 0.125 + 0.0625 + 0.03125 = 1.21875 (4 orders);
        //    miniprogram at 30, 30, 60 → 0.5 + 0.5 + 0.25 = 1.25 (3 orders); web at 10 → 0.7937. Decayed: miniprogram.
        // q: web at 0 → 1; app at 0 refunded (not paid, does not count) → web.
        foreach (var age in new[] { 0, 90, 120, 150 })
            Order("p", age, "app", false);
        foreach (var age in new[] { 30, 30, 60 })
            Order("p", age, "miniprogram", false);
        Order("p", 10, "web", false);
        Order("q", 0, "web", false);
        Order("q", 0, "app", false, status: "refunded");
        var report = new ModelTrainer(_workspace.Database, _time, Catalog).Train(Catalog.Find("preferred_channel")!, TrainedAt);
        report.Succeeded.ShouldBeTrue(report.Message);
        var first = Values("preferred_channel", report.Version, "first", TagValueType.String);
        first.Count.ShouldBe(2);
        ((string?)first["p"], (string?)first["q"]).ShouldBe(("miniprogram", "web"));
        report.Metrics["persons"].ShouldBe(2L);
    }

    [Fact]
    public void Train_PriceSensitivity_HalfLife90_HandCheckedLevels()
    {
        // Half-life 90 days, the coupon band's share of the decayed weight, by hand:
        // p: coupon at 0, 0 → 2; full price at 180 four times → 4 × 0.25 = 1; share 2 / 3 = 0.667 → 高 (counted 2/6 = 0.33 would be 中).
        // q: coupon at 270 → 0.125; full price at 0 → 1; share 0.125 / 1.125 = 0.111 → 低 (counted 1/2 → 高).
        // r: coupon at 45 → 0.7071; full price at 0, 0 → 2; share 0.7071 / 2.7071 = 0.2612 → 中.
        Order("p", 0, "app", true);
        Order("p", 0, "app", true);
        for (var k = 0; k < 4; k++)
            Order("p", 180, "app", false);
        Order("q", 270, "web", true);
        Order("q", 0, "web", false);
        Order("r", 45, "web", true);
        Order("r", 0, "web", false);
        Order("r", 0, "web", false);
        var report = new ModelTrainer(_workspace.Database, _time, Catalog).Train(Catalog.Find("price_sensitivity")!, TrainedAt);
        report.Succeeded.ShouldBeTrue(report.Message);
        var levels = Values("price_sensitivity", report.Version, "level", TagValueType.String);
        levels.Count.ShouldBe(3);
        ((string?)levels["p"], (string?)levels["q"], (string?)levels["r"]).ShouldBe(("高", "低", "中"));
        ((Dictionary<string, long>)report.Metrics["levels"]!).ShouldBe(new Dictionary<string, long> { ["中"] = 1, ["低"] = 1, ["高"] = 1 });
    }

    [Fact]
    public void ReadFeatures_PreferenceTagAsOfCutoff_SeesNoLaterOrders()
    {
        // p ordered on the app until the cut-off, then only on the web: as of the cut-off 偏好渠道 is app, now it is web.
        var cutoff = AsOf.AddDays(-90);
        foreach (var age in new[] { 200, 150, 120, 100 })
            Order("p", age, "app", false);
        foreach (var age in new[] { 60, 30, 10, 5, 1 })
            Order("p", age, "web", true);
        var catalog = Catalog;
        string? Channel(DateTime at) => ModelFeatures.Read(_workspace.Database, catalog.Tags!, ["偏好渠道", "价格敏感度"], new Dictionary<string, string>(), at, models: catalog)
            .Table.Columns[0].Texts!.Single();
        Channel(cutoff).ShouldBe("app");
        Channel(AsOf).ShouldBe("web");
    }
}
