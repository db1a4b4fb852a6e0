namespace TagCenter.Client;

/// <summary>标签效果评估 of one tag: where it is used, its coverage at each run, how often values flip, and each value's contribution to a goal.</summary>
public sealed record TagEvaluation(string Tag, string Code, TagUsageCounts Usage, IReadOnlyList<TagCoveragePoint> Coverage, double? StabilityFlipShare,
    IReadOnlyList<TagValueContribution> Contribution);

/// <summary>
/// Where a tag is used: <see cref="Total"/> definitions refer to it (segments, triggers, experiments, tags), and in the
/// window counted it was read through the API <see cref="ApiReads"/> times and exported <see cref="Exports"/> times (from the audit log).
/// </summary>
public sealed record TagUsageCounts(int Total, IReadOnlyList<string> Segments, IReadOnlyList<string> Triggers, IReadOnlyList<string> Experiments,
    IReadOnlyList<string> Tags, long ApiReads = 0, long Exports = 0, DateTimeOffset? LastUsed = null);

public sealed record TagCoveragePoint(int Seq, DateTime AsOf, long Persons, double Share);

/// <summary>The goal rate of persons holding <see cref="Value"/> against those without it.</summary>
public sealed record TagValueContribution(string Value, long With, double WithRate, long Without, double WithoutRate, double Lift);

/// <summary>The review: tags and segments to consider retiring, with the thresholds used.</summary>
public sealed record ActivationReview(int UnusedDays, double MinCoverage, IReadOnlyList<ReviewCandidate> Candidates);

public sealed record ReviewCandidate(string Kind, string Name, IReadOnlyList<string> Reasons);
