using TagCenter.DuckDb.Identity;
using TagCenter.DuckDb.Index;
using TagCenter.DuckDb.Ingest;
using TagCenter.DuckDb.Models;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Pipeline;

/// <summary>Which tags a tag step computes: <see cref="Only"/> these (null: all), or, when <see cref="DueOnly"/>, those the schedule says are due and those of retrained models.</summary>
public sealed record TagSelection(IReadOnlyCollection<string>? Only, bool DueOnly)
{
    public static TagSelection All { get; } = new(null, false);
}

/// <summary>What the tag step did: the models trained first, the tag run (null: nothing was due), the index it wrote, the segment pass after it.</summary>
public sealed record TagStepReport(IReadOnlyList<ModelRunReport> Models, TagRunReport? Run, IndexBuildReport? Index, SegmentPassReport? Segments)
{
    /// <summary>The triggers' pass after the segments (null: the workspace declares no trigger or experiment).</summary>
    public Activation.ActivationPassReport? Activation { get; init; }
}

/// <summary><c>run</c>: the inputs' staleness (warned, not fatal) and the tag step.</summary>
public sealed record RunReport(IReadOnlyList<string> Stale, TagStepReport Tags);

/// <summary>What refresh should do: the as-of of tag runs (and whether it was given), reload everything, publish the tag files first, allow a shrinking source.</summary>
public sealed record RefreshRequest(DateTime AsOf, bool AsOfGiven, bool ForceLoad, bool Publish, bool AllowShrink);

/// <summary><c>refresh</c>: loads, identity, dropped facts, and the tag step (null when the catalog is unpublished).</summary>
public sealed record RefreshReport(IReadOnlyList<SourceLoadResult> Loads, IdentityRunReport? Identity, IReadOnlyList<string> DroppedFacts,
    TagStepReport? Tags, TimeSpan Elapsed)
{
    public bool SourcesFailed => Loads.Any(r => r.Error is not null);
}
