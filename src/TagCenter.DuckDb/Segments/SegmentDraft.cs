using TagCenter.Core.Segments;

namespace TagCenter.DuckDb.Segments;

/// <summary>A segment as someone asks for it (the CLI's options, the API's body), before it is a file.</summary>
public sealed record SegmentDraft(string Name, string Rule, SegmentType Type = SegmentType.Dynamic)
{
    public string? Description { get; init; }

    public string? Owner { get; init; }

    public string? BusinessLine { get; init; }
}

/// <summary>What saving a segment did: its definition as read back from its file, and the evaluation (null when there are no published tags yet).</summary>
public sealed record SegmentSaved(SegmentDefinition Segment, string File, SegmentRun? Run, TimeSpan? Elapsed);
