using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TagCenter.Cli.Console;
using TagCenter.DuckDb.Models;

namespace TagCenter.Cli.Commands;

/// <summary>
/// The parts of a version's metrics that read better as tables in <c>model show</c>: for classifiers (propensity,
/// lookalike) the hold-out summary, the calibration and lift by decile and the top features; for clusters each
/// cluster with its size and traits. <c>--json</c> prints the metrics as recorded instead.
/// </summary>
internal static class ModelShowMetrics
{
    public static void Print(ModelVersion version, Texts t)
    {
        using var document = JsonDocument.Parse(version.Metrics);
        var root = document.RootElement;
        if (root.TryGetProperty("holdout", out var holdout) && holdout.TryGetProperty("deciles", out var deciles))
            Classifier(root, holdout, deciles, t);
        if (root.TryGetProperty("clusters", out var clusters) && clusters.ValueKind == JsonValueKind.Array)
            Clusters(root, clusters, t);
    }

    private static void Classifier(JsonElement root, JsonElement holdout, JsonElement deciles, Texts t)
    {
        ConsoleOutput.Ok(t.Format("models.show.holdout", Number(holdout, "auc", "F3"), Number(holdout, "log_loss", "F3"), Number(holdout, "threshold", "F2"),
            Number(holdout, "precision", "P1"), Number(holdout, "recall", "P1"), Number(holdout, "persons", "N0"), Text(root, "learner"),
            holdout.TryGetProperty("rule", out var rule) ? rule.GetString() : "—"));
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(t["models.show.deciles"]))
            .AddColumn(new TableColumn(t["models.show.decile"]).RightAligned()).AddColumn(new TableColumn(t["models.col.persons"]).RightAligned())
            .AddColumn(new TableColumn(t["models.show.predicted"]).RightAligned()).AddColumn(new TableColumn(t["models.show.actual"]).RightAligned())
            .AddColumn(new TableColumn(t["models.show.lift"]).RightAligned());
        foreach (var d in deciles.EnumerateArray())
            table.AddRow(Number(d, "decile", "N0"), Number(d, "persons", "N0"), Number(d, "mean_predicted", "P1"), Number(d, "actual_rate", "P1"), Number(d, "lift", "F2"));
        AnsiConsole.Write(table);
        if (root.TryGetProperty("permutation_importance", out var permutation) && permutation.GetArrayLength() > 0)
        {
            // AUC points: how much worse the hold-out ranks with the feature shuffled; about 0 for one the model ignores.
            var chart = new BarChart().Label(Markup.Escape(t["models.show.permutation"])).Width(70);
            foreach (var f in permutation.EnumerateArray().Take(12))
                chart.AddItem(Markup.Escape(Text(f, "feature")), f.TryGetProperty("auc_drop", out var drop) && drop.ValueKind == JsonValueKind.Number
                    ? Math.Round(Math.Max(drop.GetDouble(), 0) * 100, 2) : 0, Color.SteelBlue);
            AnsiConsole.Write(chart);
        }
        else if (root.TryGetProperty("top_features", out var features))
        {
            var chart = new BarChart().Label(Markup.Escape(t["models.show.features"])).Width(70);
            foreach (var f in features.EnumerateArray())
                chart.AddItem(Markup.Escape(Text(f, "feature")), Math.Round(f.GetProperty("share").GetDouble() * 100, 1), Color.SteelBlue);
            AnsiConsole.Write(chart);
        }
    }

    private static void Clusters(JsonElement root, JsonElement clusters, Texts t)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(t.Format("models.show.k", Number(root, "k", "N0"))))
            .AddColumn(t["models.demo.cluster"]).AddColumn(new TableColumn(t["models.col.persons"]).RightAligned())
            .AddColumn(new TableColumn(t["models.demo.share"]).RightAligned()).AddColumn(t["models.show.traits"]);
        foreach (var c in clusters.EnumerateArray())
        {
            var traits = c.GetProperty("traits").EnumerateArray().Select(x => x.TryGetProperty("tgi", out var tgi) && tgi.ValueKind == JsonValueKind.Number
                ? $"{Text(x, "trait")} (TGI {tgi.GetDouble():F0})"
                : $"{Text(x, "trait")} (z {x.GetProperty("z").GetDouble():+0.0;-0.0})");
            table.AddRow(ConsoleOutput.Cell(Text(c, "name")), ConsoleOutput.Cell(Number(c, "persons", "N0")), ConsoleOutput.Cell(Number(c, "share", "P1")),
                ConsoleOutput.Cell(string.Join(" · ", traits)));
        }
        AnsiConsole.Write(table);
    }

    private static string Text(JsonElement e, string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "—";

    private static string Number(JsonElement e, string key, string format) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble().ToString(format, CultureInfo.InvariantCulture) : "—";
}
