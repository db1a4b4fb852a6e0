namespace TagCenter.Web.Api;

// The API's JSON for the home page (GET /api/v1/boards, /status, /runs).

public sealed record BoardSummary(string Name, string? Description, string File, IReadOnlyList<string> Crowds);

public sealed record BoardView(string Board, IReadOnlyList<BoardCrowd> Crowds);

public sealed record BoardCrowd(string Crowd, string Segment, long? Size, double? Share, DateTime? AsOf, long? Previous, long? Change, long? WeekAgo, long? WeekChange);

public sealed record StatusView(string Workspace, IReadOnlyList<StageView> Stages);

public sealed record StageView(string Stage, bool Fresh, DateTime? LastRun, IReadOnlyList<string> Reasons);

public sealed record RunsView(IReadOnlyList<TagRunView> TagRuns);

public sealed record TagRunView(string RunId, DateTime? StartedAt, DateTime? FinishedAt, DateTime? AsOf, long? Persons, string Status);
