namespace TagCenter.Web.Api;

// The API's JSON for analysis (POST /api/v1/analysis/funnel) and models (GET /api/v1/models).

public sealed record FunnelRequest(IReadOnlyList<string> Steps, string Window, string? By, string? Segment);

public sealed record FunnelView(IReadOnlyList<string> Steps, long WithinSeconds, FunnelGroup Total, IReadOnlyList<FunnelGroup> Groups);

public sealed record FunnelGroup(string? Value, string Kind, IReadOnlyList<FunnelStep> Steps);

public sealed record FunnelStep(int Step, string Event, long Persons, double FromPrevious, double FromFirst, double? MedianSecondsFromPrevious);

public sealed record ModelSummary(string Model, string Kind, string? Fact, IReadOnlyList<string> Features, IReadOnlyDictionary<string, string> Outputs,
    string? Schedule, string? Owner, int? VersionInUse, DateTime? TrainedAt, DateTime? AsOf, long? Persons, string? LastStatus, string? LastMessage);
