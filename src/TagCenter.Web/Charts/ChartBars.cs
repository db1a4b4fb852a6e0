using TagCenter.Client;

namespace TagCenter.Web.Charts;

/// <summary>The data of one bar or line chart: a label per bar and its value, in the order drawn.</summary>
public sealed record ChartBars(IReadOnlyList<string> Labels, IReadOnlyList<double> Values)
{
    public static readonly ChartBars Empty = new([], []);

    /// <summary>A tag's value distribution: one bar per value (missing values as <paramref name="missing"/>), largest first, at most <paramref name="top"/>.</summary>
    public static ChartBars Distribution(IEnumerable<TagValueCount> counts, string missing, int top = 20)
    {
        var rows = counts.OrderByDescending(c => c.Persons).ThenBy(c => c.Value, StringComparer.Ordinal).Take(top).ToList();
        return new ChartBars([.. rows.Select(r => r.Value ?? missing)], [.. rows.Select(r => (double)r.Persons)]);
    }

    /// <summary>A funnel: persons at each step, labelled "1. event".</summary>
    public static ChartBars Funnel(FunnelGroup group) =>
        new([.. group.Steps.Select(s => s.Step + ". " + s.Event)], [.. group.Steps.Select(s => (double)s.Persons)]);

    /// <summary>A segment's size per evaluation, oldest first, labelled by the date it was evaluated as of.</summary>
    public static ChartBars Trend(IEnumerable<SegmentRunView> runs) =>
        Ordered(runs.OrderBy(r => r.AsOf).ThenBy(r => r.Seq).Select(r => (r.AsOf.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture), (double)r.Size)));

    /// <summary>The portrait's TGI per tag value, the values that stand out most first (highest TGI), at most <paramref name="top"/>.</summary>
    public static ChartBars Tgi(IEnumerable<PortraitRow> rows, int top = 15) =>
        Ordered(rows.Where(r => r.Tgi is not null).OrderByDescending(r => r.Tgi).ThenBy(r => r.Tag, StringComparer.Ordinal).Take(top)
            .Select(r => (r.Tag + "=" + r.Value, Math.Round(r.Tgi!.Value, 1))));

    /// <summary>A tag's coverage over its runs, oldest first, in percent (0–100, one decimal), labelled by the date of the run.</summary>
    public static ChartBars Coverage(IEnumerable<TagCoverage> runs) =>
        Ordered(runs.OrderBy(r => r.AsOf).ThenBy(r => r.RunId, StringComparer.Ordinal)
            .Select(r => (r.AsOf.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture), Math.Round(r.Coverage * 100, 1))));

    private static ChartBars Ordered(IEnumerable<(string Label, double Value)> points)
    {
        var list = points.ToList();
        return new ChartBars([.. list.Select(p => p.Label)], [.. list.Select(p => p.Value)]);
    }
}
