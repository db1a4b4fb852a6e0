using System.Globalization;
using System.Text.Json;
using Shouldly;
using TagCenter.DuckDb.Storage;

namespace TagCenter.Cli.Tests.Commands;

/// <summary><c>model run</c> and <c>model show</c> for a churn model: the version records the hold-out figures and show prints them.</summary>
public sealed class ModelPropensityCommandTests
{
    private const string Tags = """
        path: 价值
        tags:
          流失概率: { code: churn, kind: model, type: decimal }
          订单数: { code: n_orders, type: int, rule: "count('orders')" }
          最近天数: { code: recency, type: int, rule: "days_since('orders')" }
        """;

    private const string Models = """
        models:
          churn:
            kind: propensity
            input: { fact: orders }
            label: { absent_within_days: 60 }
            population: 订单数 > 0
            features: [订单数, 最近天数]
            outputs: { probability: 流失概率 }
        """;

    /// <summary>
    /// 400 buyers before the cut-off (2026-08-02); those who bought in the last 30 days before it come back after it
    /// (an order in the 60 days after), the others do not: recency at the cut-off separates the classes.
    /// </summary>
    private static string Workspace()
    {
        var dir = CliRunner.TempDir();
        File.WriteAllText(Path.Combine(dir, "tagcenter.yaml"), "name: t\nsources: {}\n");
        Directory.CreateDirectory(Path.Combine(dir, "tags"));
        File.WriteAllText(Path.Combine(dir, "tags", "价值.yaml"), Tags);
        Directory.CreateDirectory(Path.Combine(dir, "models"));
        File.WriteAllText(Path.Combine(dir, "models", "预测.yaml"), Models);
        using var db = WorkspaceDatabase.Open(Path.Combine(dir, ".tagcenter", "tagcenter.duckdb"));
        db.Execute("CREATE TABLE dim_person (oneid VARCHAR)");
        db.Execute("CREATE TABLE fact_orders (oneid VARCHAR, event_time TIMESTAMP, amount DECIMAL(18,2))");
        var cutoff = new DateTime(2026, 8, 2);
        var random = new Random(1);
        for (var p = 0; p < 400; p++)
        {
            var id = "p" + p.ToString("D3", CultureInfo.InvariantCulture);
            db.Execute("INSERT INTO dim_person VALUES ($1)", id);
            var recent = p % 2 == 0;
            db.Execute("INSERT INTO fact_orders VALUES ($1, $2, 10)", id, cutoff.AddDays(recent ? -random.Next(1, 30) : -random.Next(60, 200)));
            if (recent ^ random.Next(10) == 0)
                db.Execute("INSERT INTO fact_orders VALUES ($1, $2, 10)", id, cutoff.AddDays(random.Next(1, 59)));
        }
        return dir;
    }

    [Fact]
    public async Task RunShow_Churn_RecordsAndPrintsHoldoutFigures()
    {
        var dir = Workspace();
        var run = await CliRunner.RunAsync("model", "run", "churn", "-w", dir, "--as-of", "2026-10-01", "--json");
        var show = await CliRunner.RunAsync("model", "show", "churn", "-w", dir, "--json");
        var console = await CliRunner.RunAsync("model", "show", "churn", "-w", dir, "--lang", "en");

        run.ExitCode.ShouldBe(0, run.Out + run.Err);
        var metrics = JsonDocument.Parse(show.Out).RootElement.GetProperty("version_in_use").GetProperty("metrics");
        var holdout = metrics.GetProperty("holdout");
        // Recency decides the label for 90% of persons: a hold-out AUC near 0.9, far above chance.
        holdout.GetProperty("auc").GetDouble().ShouldBeGreaterThan(0.8);
        holdout.GetProperty("deciles").GetArrayLength().ShouldBe(10);
        holdout.GetProperty("rule").GetString()!.ShouldContain("fnv1a64");
        metrics.GetProperty("labelled_persons").GetInt32().ShouldBe(400);
        metrics.GetProperty("top_features")[0].GetProperty("feature").GetString().ShouldBe("最近天数");
        JsonDocument.Parse(show.Out).RootElement.GetProperty("version_in_use").GetProperty("parameters").GetProperty("cutoff").GetString().ShouldBe("2026-08-02 00:00");
        console.ExitCode.ShouldBe(0, console.Err);
        console.Out.ShouldContain("hold-out: AUC");
        console.Out.ShouldContain("lift");
    }
}
