using System.Text.Json;

namespace TagCenter.Web.Models;

/// <summary>A classifier's hold-out figures (propensity, lookalike): AUC, log loss, precision and recall at its threshold, and the deciles.</summary>
public sealed record ClassifierMetrics(double? Auc, double? LogLoss, double? Threshold, double? Precision, double? Recall, long? Persons,
    IReadOnlyList<DecileRow> Deciles);

/// <summary>One decile of the hold-out, highest scores first: the mean predicted probability, the actual rate and the lift over the base rate.</summary>
public sealed record DecileRow(int Decile, long Persons, double Predicted, double Actual, double Lift);

/// <summary>A cluster: its name, size, share and the traits that describe it (TGI or z against everyone).</summary>
public sealed record ClusterRow(string Name, long Persons, double Share, IReadOnlyList<string> Traits);

/// <summary>
/// The parts of a version's metrics the console draws, read from the JSON the trainer wrote (the API passes it as is):
/// a classifier's hold-out, RFM's persons per class, clusters with their traits, CLV's totals. A part the model does not
/// have is null; a missing figure inside one is null, never 0.
/// </summary>
public sealed record ModelMetrics(ClassifierMetrics? Classifier, IReadOnlyDictionary<string, long>? RfmClasses, IReadOnlyList<ClusterRow>? Clusters,
    double? TotalClv, double? ClvHoldoutRatio)
{
    public static ModelMetrics Of(JsonElement metrics)
    {
        if (metrics.ValueKind != JsonValueKind.Object)
            return new(null, null, null, null, null);
        var holdout = metrics.TryGetProperty("holdout", out var h) && h.ValueKind == JsonValueKind.Object ? h : (JsonElement?)null;
        return new ModelMetrics(
            holdout is { } ho && ho.TryGetProperty("deciles", out var deciles) && deciles.ValueKind == JsonValueKind.Array ? ReadClassifier(ho, deciles) : null,
            metrics.TryGetProperty("classes", out var classes) && classes.ValueKind == JsonValueKind.Object
                ? classes.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.TryGetInt64(out var n) ? n : 0L)
                : null,
            metrics.TryGetProperty("clusters", out var clusters) && clusters.ValueKind == JsonValueKind.Array ? [.. clusters.EnumerateArray().Select(ReadCluster)] : null,
            Number(metrics, "total_clv"),
            holdout is { } clv && clv.TryGetProperty("expected_repeat_purchases", out _) ? Number(clv, "ratio") : null);
    }

    private static ClassifierMetrics ReadClassifier(JsonElement holdout, JsonElement deciles) =>
        new(Number(holdout, "auc"), Number(holdout, "log_loss"), Number(holdout, "threshold"), Number(holdout, "precision"), Number(holdout, "recall"),
            Number(holdout, "persons") is { } p ? (long)p : null,
            [.. deciles.EnumerateArray().Select(d => new DecileRow((int)(Number(d, "decile") ?? 0), (long)(Number(d, "persons") ?? 0),
                Number(d, "mean_predicted") ?? 0, Number(d, "actual_rate") ?? 0, Number(d, "lift") ?? 0)).OrderBy(d => d.Decile)]);

    private static ClusterRow ReadCluster(JsonElement c) =>
        new(c.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "—", (long)(Number(c, "persons") ?? 0), Number(c, "share") ?? 0,
            c.TryGetProperty("traits", out var traits) && traits.ValueKind == JsonValueKind.Array ? [.. traits.EnumerateArray().Select(Trait)] : []);

    // "高消费 (TGI 182)" when the trait is a share against everyone, else "客单价 (z +1.3)".
    private static string Trait(JsonElement t)
    {
        var name = t.TryGetProperty("trait", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "—";
        return Number(t, "tgi") is { } tgi ? $"{name} (TGI {tgi.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)})"
            : Number(t, "z") is { } z ? $"{name} (z {z.ToString("+0.0;-0.0", System.Globalization.CultureInfo.InvariantCulture)})" : name;
    }

    private static double? Number(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
