namespace TagCenter.Client;

/// <summary>The workspace's state: where it is, each source's last load, each stage's freshness (<c>sources</c>, <c>identity</c>, <c>tags</c>).</summary>
public sealed record WorkspaceStatus(string Workspace, string Database, string? Snapshot, IReadOnlyList<SourceStatus> Sources, IReadOnlyList<StageFreshness> Stages);

/// <summary>A source's last load (and why it failed), the rows held, and the top reasons rows were quarantined.</summary>
public sealed record SourceStatus(string Source, string? LastLoadId, string? LastStatus, DateTime? LastFinished,
    long? Read, long? Loaded, long? Quarantined, IReadOnlyList<ReasonCount> TopReasons, string? Error = null, DateTime? HeldSince = null);

public sealed record ReasonCount(string Reason, string? Column, long Count);

/// <summary>Whether a stage is fresh, when it last ran, and why it is stale.</summary>
public sealed record StageFreshness(string Stage, bool Fresh, DateTime? LastRun, IReadOnlyList<string> Reasons);
