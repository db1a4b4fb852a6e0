using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TagCenter.Core.Models;
using TagCenter.Core.Models.Clv;
using TagCenter.Core.Models.Preferences;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tests.Models;

public sealed class ModelTrainerTests : IDisposable
{
    private static readonly DateTime AsOf = new(2026, 11, 1, 0, 0, 0);
    private readonly WorkspaceDatabase _db = WorkspaceDatabase.Open(":memory:");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero));

    public ModelTrainerTests() =>
        _db.Execute("CREATE TABLE fact_orders (oneid VARCHAR, event_time TIMESTAMP, amount DECIMAL(18,2), status VARCHAR, category VARCHAR)");

    public void Dispose() => _db.Dispose();

    private void Order(string oneId, DateTime time, decimal amount, string status = "paid", string? category = null) =>
        _db.Execute("INSERT INTO fact_orders VALUES ($1, $2, $3, $4, $5)", oneId, time, amount, status, category);

    private static ModelDefinition Model(ModelKind kind, IReadOnlyDictionary<string, string> outputs, ModelParameters? parameters = null) => new()
    {
        Name = kind.ToString().ToLowerInvariant(),
        Kind = kind,
        Input = new ModelInput("orders", "event_time", "amount", "category", new Dictionary<string, string> { ["status"] = "paid" }),
        Parameters = parameters ?? new ModelParameters(),
        Outputs = outputs,
        File = "models/m.yaml",
    };

    private Dictionary<string, object?> Values(string model, int version, string output, TagValueType type)
    {
        var command = new SqlCommandBuilder(SqlDialect.DuckDb).Append(ModelTagValues.Query(model, version, output, type)).Build();
        return _db.Rows(command.Sql, [.. command.Parameters]).ToDictionary(r => (string)r[0]!, r => r[1]);
    }

    [Fact]
    public void Train_Rfm_HandCheckedClassesThroughTheSeam()
    {
        // The core's hand-checked ten (days since last order, orders, spend), as paid orders; a refunded order must not count.
        (string Id, int Days, int Orders, decimal Spend)[] ten =
        [
            ("A", 5, 10, 5000), ("B", 5, 8, 300), ("C", 20, 1, 4000), ("D", 40, 6, 2000), ("E", 10, 1, 100),
            ("F", 90, 5, 800), ("G", 120, 2, 3000), ("H", 200, 7, 6000), ("I", 300, 1, 50), ("J", 360, 1, 4500),
        ];
        foreach (var (id, days, orders, spend) in ten)
            for (var k = 0; k < orders; k++)
                Order(id, AsOf.AddDays(-days - k).AddHours(-3), spend / orders);
        Order("I", AsOf.AddDays(-1), 99_999, status: "refunded");
        var model = Model(ModelKind.Rfm, new Dictionary<string, string> { ["class"] = "RFM分层", ["r_score"] = "R" }, new ModelParameters { WindowDays = 400 });
        var report = new ModelTrainer(_db, _time).Train(model, AsOf);
        report.Succeeded.ShouldBeTrue(report.Message);
        var classes = Values("rfm", report.Version, "class", TagValueType.String);
        classes.Count.ShouldBe(10);
        classes["A"].ShouldBe("重要价值客户");
        classes["C"].ShouldBe("重要发展客户");
        classes["E"].ShouldBe("一般发展客户");
        classes["H"].ShouldBe("重要保持客户");
        classes["I"].ShouldBe("一般挽留客户");
        classes["J"].ShouldBe("重要挽留客户");
        Values("rfm", report.Version, "r_score", TagValueType.Int)["E"].ShouldBe(4L);
    }

    [Fact]
    public void Train_Preference_EngineAgreesWithCoreOnRandomEvents()
    {
        var random = new Random(5);
        string[] categories = ["服装", "美妆", "数码", "食品", "家居"];
        var events = new List<PreferenceEvent>();
        for (var i = 0; i < 600; i++)
        {
            var person = "p" + random.Next(40).ToString(CultureInfo.InvariantCulture);
            var category = categories[random.Next(categories.Length)];
            var seconds = random.Next(1, 400 * 86400);
            Order(person, AsOf.AddSeconds(-seconds), 10, category: category);
            events.Add(new PreferenceEvent(person, category, seconds / 86400.0));
        }
        var model = Model(ModelKind.Preference, new Dictionary<string, string> { ["top"] = "偏好品类Top3" }, new ModelParameters { HalfLifeDays = 45, Top = 3 });
        var report = new ModelTrainer(_db, _time).Train(model, AsOf);
        report.Succeeded.ShouldBeTrue(report.Message);
        var engine = Values("preference", report.Version, "top", TagValueType.List);
        var core = PreferenceWeights.Top(events, 45, 3);
        engine.Keys.Order().ShouldBe(core.Keys.Order());
        foreach (var (person, top) in core)
            ((System.Collections.IEnumerable)engine[person]!).Cast<string>().ShouldBe(top, person);
    }

    [Fact]
    public void ClvSummaries_SameDayOrdersMerged_HandChecked()
    {
        // Day 0: 10 + 20 (one purchase); day 14: 30 + 6 (one purchase, 36); day 28: 12. In weeks: x = 2, t_x = 4, T = 10, mean 24.
        var first = AsOf.AddDays(-70);
        Order("a", first.AddHours(9), 10);
        Order("a", first.AddHours(15), 20);
        Order("a", first.AddDays(14).AddHours(8), 30);
        Order("a", first.AddDays(14).AddHours(20), 6);
        Order("a", first.AddDays(28).AddHours(1), 12);
        var model = Model(ModelKind.Clv, new Dictionary<string, string> { ["clv"] = "CLV" }, new ModelParameters { HoldoutDays = 35 });
        var summary = ClvTraining.Summaries(_db, model, new ModelFacts(_db, model, AsOf)).ShouldHaveSingleItem();
        summary.Current.ShouldBe(new ClvCustomer(2, 4, 10, 24));
        // Calibration ends 35 days before the as-of date (day 35 after the first): all three purchase days fall inside it.
        summary.Calibration.ShouldBe(new ClvCustomer(2, 4, 5, 24));
        summary.Holdout.ShouldBe(0);
    }

    [Fact]
    public void Train_ClvThenDegenerateData_FailedVersionNamesModelAndPreviousStaysInUse()
    {
        var customers = ClvSimulator.Simulate(new BgNbdParameters(0.243, 4.414, 0.793, 2.426), new GammaGammaParameters(6.25, 3.74, 15.44), 600,
            i => 39, seed: 9);
        var random = new Random(1);
        for (var i = 0; i < customers.Length; i++)
        {
            var start = AsOf.AddDays(-39 * 7);
            var id = "c" + i.ToString(CultureInfo.InvariantCulture);
            Order(id, start.AddHours(1), 20);
            for (var k = 1; k <= customers[i].X; k++)
                Order(id, start.AddDays(Math.Round(customers[i].Tx * 7 * k / customers[i].X)).AddHours(2), (decimal)Math.Round(customers[i].MeanAmount, 2) + random.Next(3));
        }
        var model = Model(ModelKind.Clv, new Dictionary<string, string> { ["clv"] = "未来12个月CLV", ["p_alive"] = "P" }, new ModelParameters { HoldoutDays = 60 });
        var trainer = new ModelTrainer(_db, _time);
        var first = trainer.Train(model, AsOf);
        first.Succeeded.ShouldBeTrue(first.Message);
        var clv = Values("clv", first.Version, "clv", TagValueType.Decimal);
        clv.Count.ShouldBe(600);
        Values("clv", first.Version, "p_alive", TagValueType.Decimal).Values.ShouldAllBe(v => (decimal)v! >= 0 && (decimal)v! <= 1);
        ModelHistory.Versions(_db, "clv").ShouldHaveSingleItem().Metrics.ShouldContain("expected_repeat_purchases");

        _db.Execute("DELETE FROM fact_orders WHERE event_time > (SELECT min(event_time) FROM fact_orders f WHERE f.oneid = fact_orders.oneid)");
        var second = trainer.Train(model, AsOf);
        second.Succeeded.ShouldBeFalse();
        second.Message.ShouldNotBeNull().ShouldContain("clv");
        second.VersionInUse.ShouldBe(first.Version);
        ModelTables.InUse(_db)["clv"].ShouldBe(first.Version);
        Values("clv", first.Version, "clv", TagValueType.Decimal).Count.ShouldBe(600);
        ModelHistory.Versions(_db, "clv").Select(v => v.Status).ShouldBe(["ok", "failed"]);
    }

    [Fact]
    public void Train_ClvOptimiserOutOfIterations_FailedVersionSaysSoAndPreviousStaysInUse()
    {
        var customers = ClvSimulator.Simulate(new BgNbdParameters(0.243, 4.414, 0.793, 2.426), new GammaGammaParameters(6.25, 3.74, 15.44), 400,
            i => 39, seed: 4);
        var random = new Random(4);
        var start = AsOf.AddDays(-39 * 7);
        for (var i = 0; i < customers.Length; i++)
        {
            var id = "c" + i.ToString(CultureInfo.InvariantCulture);
            Order(id, start.AddHours(1), 20);
            for (var k = 1; k <= customers[i].X; k++)
                Order(id, start.AddDays(Math.Round(customers[i].Tx * 7 * k / customers[i].X)).AddHours(2), (decimal)Math.Round(customers[i].MeanAmount * (0.5 + random.NextDouble()), 2));
        }
        var model = Model(ModelKind.Clv, new Dictionary<string, string> { ["clv"] = "未来12个月CLV" });
        var trainer = new ModelTrainer(_db, _time);
        var first = trainer.Train(model, AsOf);
        first.Succeeded.ShouldBeTrue(first.Message);
        // Two iterations (twenty for the Nelder-Mead fallback) cannot reach a tolerance of 1e-10: the fit truly does not converge.
        var starved = trainer.Train(model with { Parameters = new ModelParameters { MaxIterations = 2 } }, AsOf);
        starved.Succeeded.ShouldBeFalse();
        starved.Message.ShouldNotBeNull().ShouldContain("clv");
        starved.Message.ShouldContain("BG/NBD");
        starved.VersionInUse.ShouldBe(first.Version);
        ModelTables.InUse(_db)["clv"].ShouldBe(first.Version);
    }

    [Fact]
    public void Train_MissingColumn_FailsWithColumnName()
    {
        Order("a", AsOf.AddDays(-1), 1);
        var model = Model(ModelKind.Rfm, new Dictionary<string, string> { ["class"] = "RFM分层" }) with
        {
            Input = new ModelInput("orders", "event_time", "amount_fen", null, new Dictionary<string, string>()),
        };
        var report = new ModelTrainer(_db, _time).Train(model, AsOf);
        report.Succeeded.ShouldBeFalse();
        report.Message.ShouldNotBeNull().ShouldContain("amount_fen");
        report.VersionInUse.ShouldBeNull();
    }
}

public sealed class ModelScheduleTests
{
    [Fact]
    public void Due_DailyModelTrainedToday_NotDueUntilAfterMidnight()
    {
        using var db = WorkspaceDatabase.Open(":memory:");
        db.Execute("CREATE TABLE fact_orders (oneid VARCHAR, event_time TIMESTAMP, amount DECIMAL(18,2))");
        db.Execute("INSERT INTO fact_orders VALUES ('a', TIMESTAMP '2026-10-30 10:00', 5)");
        var model = new ModelDefinition
        {
            Name = "rfm",
            Kind = ModelKind.Rfm,
            Input = new ModelInput("orders", "event_time", "amount", null, new Dictionary<string, string>()),
            Parameters = new ModelParameters(),
            Outputs = new Dictionary<string, string> { ["class"] = "RFM分层" },
            File = "m.yaml",
        };
        var catalog = ModelCatalog.From([model]);
        var utc = TimeZoneInfo.Utc;
        ModelSchedule.Due(db, catalog, new DateTime(2026, 11, 1, 9, 0, 0), utc).ShouldHaveSingleItem();
        new ModelTrainer(db, new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero))).Train(model, new DateTime(2026, 11, 1)).Succeeded.ShouldBeTrue();
        ModelSchedule.Due(db, catalog, new DateTime(2026, 11, 1, 23, 0, 0), utc).ShouldBeEmpty();
        ModelSchedule.Due(db, catalog, new DateTime(2026, 11, 2, 0, 1, 0), utc).ShouldHaveSingleItem();
    }
}
