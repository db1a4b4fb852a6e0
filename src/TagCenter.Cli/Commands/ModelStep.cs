using System.Globalization;
using TagCenter.Cli.Console;
using TagCenter.Core.Models;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Pipeline;

namespace TagCenter.Cli.Commands;

/// <summary>
/// How the models stage of <c>run</c>, <c>refresh</c> and <c>model run</c> reads on the console and in <c>--json</c>
/// (the training itself is <c>WorkspacePipeline</c>'s).
/// </summary>
internal static class ModelStep
{
    /// <summary>The attempts as <c>--json</c> shows them (as <c>model run</c> does).</summary>
    public static IReadOnlyList<object> Json(IReadOnlyList<ModelRunReport> reports) => PipelineJson.Models(reports);

    /// <summary>Version, persons and the model's key figure.</summary>
    public static string Line(ModelRunReport report, ModelKind kind, Texts t)
    {
        var metric = kind switch
        {
            ModelKind.Rfm when report.Metrics.GetValueOrDefault("classes") is IReadOnlyDictionary<string, int> classes
                => t.Format("models.metric.rfm", classes.GetValueOrDefault("重要价值客户")),
            ModelKind.Clv when report.Metrics.GetValueOrDefault("total_clv") is { } total
                => t.Format("models.metric.clv", Convert.ToDouble(total, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture)),
            ModelKind.Preference when report.Metrics.GetValueOrDefault("categories") is { } categories
                => t.Format("models.metric.preference", categories),
            _ => null,
        };
        var line = t.Format("models.run.ok", report.Model, report.Version, report.Persons);
        return metric is null ? line : line + " · " + metric;
    }
}
