namespace TagCenter.DuckDb.Tags;

/// <summary>What a tag run computed: per tag its coverage (share of persons with a value) and violations.</summary>
public sealed record TagRunReport(string RunId, DateTime AsOf, long Persons, IReadOnlyList<TagResult> Tags, TimeSpan Elapsed)
{
    public double Coverage => Tags.Count == 0 ? 0 : Tags.Average(t => t.Coverage);
}

public sealed record TagResult(string Name, string Code, string Path, long WithValue, long Violations, double Coverage);

/// <summary>What to run: the as-of time (wall clock in the workspace's zone, see <c>AsOf.Parse</c>) and optionally only some tags.</summary>
public sealed record TagRunOptions(DateTime AsOf, IReadOnlyCollection<string>? Only = null);
