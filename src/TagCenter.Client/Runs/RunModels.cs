using System.Text.Json;

namespace TagCenter.Client;

/// <summary>What to start: <c>refresh</c> (load, resolve, run what is due, evaluate segments) or <c>run</c> (tags, all or <see cref="Tags"/>), as of a time or now.</summary>
public sealed record RunRequest(string Kind, IReadOnlyList<string>? Tags = null, string? AsOf = null, bool Due = false, bool AllowShrink = false)
{
    public static RunRequest Refresh(string? asOf = null, bool allowShrink = false) => new("refresh", null, asOf, AllowShrink: allowShrink);

    public static RunRequest Run(IReadOnlyList<string>? tags = null, string? asOf = null, bool due = false) => new("run", tags, asOf, due);
}

/// <summary>
/// A run started over the API: <see cref="Status"/> <c>running</c>, <c>succeeded</c>, <c>failed</c> or
/// <c>cancelled</c>; the step and progress while it runs; its report (the CLI's <c>--json</c>) once finished.
/// </summary>
public sealed record RunView(string Id, string Kind, string Status, string? Step, string? Item, int? Done, int? Total,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, double ElapsedSeconds, JsonElement? Result, RunError? Error)
{
    public bool Finished => FinishedAt is not null;
}

/// <summary>Why a run did not succeed, with the API's stable codes.</summary>
public sealed record RunError(string Code, string Message);

/// <summary>What ran on the workspace, newest first: runs started over the API, tag runs, loads, identity runs, segment passes.</summary>
public sealed record RunHistory(IReadOnlyList<RunView> ApiRuns, IReadOnlyList<TagRunEntry> TagRuns, IReadOnlyList<LoadEntry> Loads,
    IReadOnlyList<IdentityRunEntry> IdentityRuns, IReadOnlyList<SegmentPassEntry> SegmentPasses);

public sealed record TagRunEntry(string RunId, DateTime? StartedAt, DateTime? FinishedAt, DateTime? AsOf, long? Persons, string? Status);

public sealed record LoadEntry(string LoadId, string Source, DateTime? StartedAt, DateTime? FinishedAt, long? Read, long? Loaded, long? Quarantined, string? Status, string? Error);

public sealed record IdentityRunEntry(string RunId, DateTime? RunAt, long? Identifiers, long? Edges, long? Persons, long? Merges, long? Splits, long? Conflicts);

/// <summary>A pass over the segments: how many segments it evaluated, and the persons who entered and left them (summed over its segments).</summary>
public sealed record SegmentPassEntry(long Seq, DateTime? EvaluatedAt, string? TagRun, DateTime? AsOf, long Segments, long Entered, long Left);
