using TagCenter.Client;

namespace TagCenter.Web.Governance;

/// <summary>A segment a draft changes: its size before and after publishing, and the difference (null when either is unknown).</summary>
internal sealed record SegmentImpactRow(string Action, string Name, long? Before, long? After)
{
    public long? Change => Before is { } b && After is { } a ? a - b : null;

    public static IReadOnlyList<SegmentImpactRow> Of(DraftImpact impact) =>
        [.. impact.Segments.Select(s => new SegmentImpactRow(s.Action, s.Name, s.SizeBefore, s.SizeAfter))];
}
