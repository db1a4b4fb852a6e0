using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Index;

/// <summary>One value (or numeric bucket) of one tag: how common it is in the segment and overall, and the TGI.</summary>
/// <param name="Tgi">Share in segment ÷ share overall × 100: above 100 the segment over-represents the value.</param>
/// <param name="Score">|TGI − 100| × share in segment: how much the value stands out, weighted by its support.</param>
public sealed record PortraitRow(string Tag, string Value, long InSegment, double SegmentShare, long Overall, double OverallShare, double Tgi, double Score);

/// <summary>A segment's portrait: its size, the population's, and every row sorted by what stands out.</summary>
public sealed record PortraitReport(long SegmentSize, long Population, IReadOnlyList<PortraitRow> Rows);

/// <summary>
/// The portrait (画像) of a segment: for every value-indexed tag and value, and every bucket of a range-indexed tag,
/// the share in the segment against the share in the whole population, with TGI. Counts come from
/// <see cref="RoaringBitmap.AndCardinality"/>, so no intersection is built. Shares of a tag count every person of
/// the segment (persons without a value are part of the denominator), the way 占比 reads in a report.
/// Numeric, date and timestamp tags are cut at the population's quintiles (the values at ranks n/5, 2n/5, …,
/// found in the bit-sliced index), so each bucket holds about a fifth of everyone and a TGI far from 100 is a real
/// shift; repeated quintiles (a tag that is mostly 0) merge into one bucket.
/// </summary>
public static class Portrait
{
    public const int Buckets = 5;

    public static PortraitReport Of(ITagIndex index, RoaringBitmap segment) => Of(index, segment, index.Tags);

    public static PortraitReport Of(ITagIndex index, RoaringBitmap segment, IEnumerable<IndexedTag> tags)
    {
        var population = index.All.Cardinality;
        var size = RoaringBitmap.AndCardinality(segment, index.All);
        var rows = new List<PortraitRow>();
        foreach (var tag in tags)
        {
            if (tag.Kind == IndexedAs.Values)
            {
                foreach (var value in index.Values(tag.Code))
                {
                    var bitmap = index.Equal(tag.Code, value);
                    Add(rows, tag.Code, value, RoaringBitmap.AndCardinality(segment, bitmap), bitmap.Cardinality, size, population);
                }
            }
            else if (index.RangeIndex(tag.Code) is { } bsi)
            {
                AddBuckets(rows, tag, bsi, segment, size, population);
            }
        }
        rows.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score)
            : !string.Equals(a.Tag, b.Tag, StringComparison.Ordinal) ? string.CompareOrdinal(a.Tag, b.Tag) : string.CompareOrdinal(a.Value, b.Value));
        return new PortraitReport(size, population, rows);
    }

    /// <summary>The quintile cut points of the population's values (distinct, above the minimum).</summary>
    public static IReadOnlyList<long> Edges(BitSlicedIndex bsi)
    {
        var n = bsi.NotNull.Cardinality;
        if (n == 0)
            return [];
        var min = bsi.ValueAtRank(0);
        var edges = new SortedSet<long>();
        for (var j = 1; j < Buckets; j++)
        {
            var e = bsi.ValueAtRank(n * j / Buckets);
            if (e > min)
                edges.Add(e);
        }
        return [.. edges];
    }

    private static void AddBuckets(List<PortraitRow> rows, IndexedTag tag, BitSlicedIndex bsi, RoaringBitmap segment, long size, long population)
    {
        var edges = Edges(bsi);
        if (bsi.NotNull.IsEmpty)
            return;
        var min = bsi.ValueAtRank(0);
        var max = bsi.ValueAtRank(bsi.NotNull.Cardinality - 1);
        long belowAll = 0, belowSegment = 0;
        var lower = min;
        for (var j = 0; j <= edges.Count; j++)
        {
            long all, inSegment;
            string label;
            if (j < edges.Count)
            {
                var less = bsi.Range(RangeOperator.Less, edges[j]);
                all = less.Cardinality;
                inSegment = RoaringBitmap.AndCardinality(segment, less);
                label = $"[{BsiEncoding.Format(tag.Encoding, lower)}, {BsiEncoding.Format(tag.Encoding, edges[j])})";
            }
            else
            {
                all = bsi.NotNull.Cardinality;
                inSegment = RoaringBitmap.AndCardinality(segment, bsi.NotNull);
                label = $"[{BsiEncoding.Format(tag.Encoding, lower)}, {BsiEncoding.Format(tag.Encoding, max)}]";
            }
            Add(rows, tag.Code, label, inSegment - belowSegment, all - belowAll, size, population);
            belowAll = all;
            belowSegment = inSegment;
            if (j < edges.Count)
                lower = edges[j];
        }
    }

    private static void Add(List<PortraitRow> rows, string tag, string value, long inSegment, long overall, long size, long population)
    {
        if (overall == 0 || population == 0)
            return;
        var segmentShare = size == 0 ? 0 : (double)inSegment / size;
        var overallShare = (double)overall / population;
        var tgi = segmentShare / overallShare * 100;
        rows.Add(new PortraitRow(tag, value, inSegment, segmentShare, overall, overallShare, tgi, Math.Abs(tgi - 100) * segmentShare));
    }
}
