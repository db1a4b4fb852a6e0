namespace TagCenter.DuckDb.Segments;

/// <summary>One evaluation of one segment: its size then, and who entered and left since the evaluation before.</summary>
public sealed record SegmentRun(string Segment, long Seq, string Type, string Rule, string? TagRun, DateTime EvaluatedAt, DateTime AsOf,
    long Size, long Entered, long Left, long Persons)
{
    public double Share => Persons == 0 ? 0 : (double)Size / Persons;

    internal static SegmentRun From(object?[] r) => new((string)r[0]!, Convert.ToInt64(r[1]), (string)r[2]!, (string)r[3]!, (string?)r[4],
        (DateTime)r[5]!, (DateTime)r[6]!, Convert.ToInt64(r[7]), Convert.ToInt64(r[8]), Convert.ToInt64(r[9]), Convert.ToInt64(r[10]));

    internal const string Columns = "segment, seq, type, rule, tag_run, evaluated_at, as_of, size, entered, exited, persons";
}
