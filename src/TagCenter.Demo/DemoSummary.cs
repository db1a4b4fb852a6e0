namespace TagCenter.Demo;

/// <summary>What the generator wrote: rows per file.</summary>
public sealed record DemoSummary(int Persons, IReadOnlyDictionary<string, int> Rows)
{
    public long Events => Rows["app_events.jsonl"] + Rows["web_events.jsonl"];

    public long TotalRows => Rows.Values.Sum(v => (long)v);
}
