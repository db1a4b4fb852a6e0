namespace TagCenter.Client;

/// <summary>
/// Tags as code over HTTP: <see cref="PlanAsync"/> is <c>tagcenter plan</c> (what the files under tags/ and segments/
/// would change, with the persons affected); <see cref="ApplyAsync"/> publishes them, and a blocked plan throws
/// <see cref="TagCenterApiException"/> <c>plan_blocked</c> (422) with the blocking changes as diagnostics.
/// </summary>
public sealed class WorkspaceClient
{
    private readonly ApiConnection _api;

    internal WorkspaceClient(ApiConnection api) => _api = api;

    public Task<WorkspacePlan> PlanAsync(string? asOf = null, CancellationToken cancellationToken = default) =>
        _api.GetAsync<WorkspacePlan>(Query.Path(ApiConnection.Api + "plan", ("as_of", asOf)), cancellationToken);

    /// <summary>Publishes the workspace files (sent once: not retried).</summary>
    public Task<WorkspacePlan> ApplyAsync(string? asOf = null, CancellationToken cancellationToken = default) =>
        _api.SendAsync<WorkspacePlan>(HttpMethod.Post, Query.Path(ApiConnection.Api + "apply", ("as_of", asOf)), null, repeatable: false, cancellationToken);
}

/// <summary>A plan (and, after apply, whether it was applied): each tag change with the persons whose value changes, each segment change with its size before and after.</summary>
public sealed record WorkspacePlan(bool Applied, DateTime? AsOf, string? AsOfSource, IReadOnlyList<ConventionBreak> ConventionBreaks, bool Blocked,
    IReadOnlyList<PlanTagChange> Changes, IReadOnlyList<PlanSegmentChange> Segments);

/// <summary>A tag that breaks the workspace's naming convention.</summary>
public sealed record ConventionBreak(string Tag, string File, string Rule, string Message);

/// <summary>A tag added, changed or removed; <see cref="Dependents"/> block a removal.</summary>
public sealed record PlanTagChange(string Action, string Code, string Name, IReadOnlyList<string> What, long? PersonsChanging,
    IReadOnlyList<string> Dependents, IReadOnlyList<ValueTransition> Transitions);

/// <summary>How many persons go from one value to another.</summary>
public sealed record ValueTransition(string? From, string? To, long Persons);

public sealed record PlanSegmentChange(string Action, string Name, string? File, string? RuleBefore, string? RuleAfter, long? SizeBefore, long? SizeAfter);
