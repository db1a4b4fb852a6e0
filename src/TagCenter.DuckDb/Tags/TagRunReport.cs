using TagCenter.Core.Sql;

namespace TagCenter.DuckDb.Tags;

/// <summary>What a tag run computed: per tag its coverage (share of persons with a value) and violations.</summary>
public sealed record TagRunReport(string RunId, DateTime AsOf, long Persons, IReadOnlyList<TagResult> Tags, TimeSpan Elapsed)
{
    /// <summary>The model tags this run stored empty: their model has no successful version yet (<c>tagcenter model run</c>).</summary>
    public IReadOnlyList<string> UntrainedModelTags { get; init; } = [];

    public double Coverage => Tags.Count == 0 ? 0 : Tags.Average(t => t.Coverage);
}

public sealed record TagResult(string Name, string Code, string Path, long WithValue, long Violations, double Coverage);

/// <summary>What to run: the as-of time (wall clock in the workspace's zone, see <c>AsOf.Parse</c>) and optionally only some tags.</summary>
public sealed record TagRunOptions(DateTime AsOf, IReadOnlyCollection<string>? Only = null)
{
    /// <summary>
    /// Per model tag, the query of its values from the model version in use (<c>ModelTagValues.InUse</c>); a model tag
    /// without one is stored empty and reported in <see cref="TagRunReport.UntrainedModelTags"/>.
    /// </summary>
    public IReadOnlyDictionary<string, SqlFragment>? ModelValues { get; init; }
}
