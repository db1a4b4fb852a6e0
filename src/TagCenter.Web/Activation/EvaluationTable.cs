using TagCenter.Client;

namespace TagCenter.Web.Activation;

/// <summary>
/// A tag's evaluation as a table line: the definitions using it, its API reads and exports (audit log), its coverage at
/// the latest run and the change since the first.
/// </summary>
internal sealed record EvaluationRow(string Tag, string Code, int Usage, IReadOnlyList<string> UsedBy, long Reads, long Exports, double? Coverage,
    double? CoverageChange, int Runs, double? Stability);

internal static class EvaluationTable
{
    /// <summary>Most used first (definitions, then reads and exports), then by name; coverage from the runs in order of their sequence.</summary>
    public static IReadOnlyList<EvaluationRow> Rows(IReadOnlyList<TagEvaluation> tags) =>
    [
        .. tags.Select(Row).OrderByDescending(r => r.Usage).ThenByDescending(r => r.Reads + r.Exports).ThenBy(r => r.Tag, StringComparer.Ordinal),
    ];

    public static EvaluationRow Row(TagEvaluation e)
    {
        var runs = e.Coverage.OrderBy(c => c.Seq).ToList();
        var usedBy = e.Usage.Segments.Concat(e.Usage.Triggers).Concat(e.Usage.Experiments).Concat(e.Usage.Tags).ToList();
        return new EvaluationRow(e.Tag, e.Code, e.Usage.Total, usedBy, e.Usage.ApiReads, e.Usage.Exports, runs.Count > 0 ? runs[^1].Share : null,
            runs.Count > 1 ? runs[^1].Share - runs[0].Share : null, runs.Count, e.StabilityFlipShare);
    }
}
