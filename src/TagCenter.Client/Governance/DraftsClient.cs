namespace TagCenter.Client;

/// <summary>
/// <c>/api/v1/drafts</c>: propose a change to a tag file (<c>kind</c> <c>tag</c>, name the path under tags/) or a
/// segment (<c>segment</c>), see its impact, and have another user approve (publish) or reject it.
/// </summary>
public sealed class DraftsClient
{
    private const string Root = ApiConnection.Api + "drafts";

    private readonly ApiConnection _api;

    internal DraftsClient(ApiConnection api) => _api = api;

    /// <summary>Proposes <paramref name="yaml"/> as the new content of a tag file or segment; answers with its impact.</summary>
    public Task<Draft> CreateAsync(string kind, string name, string yaml, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Draft>(HttpMethod.Post, Root, new DraftRequest(kind, name, yaml), repeatable: false, cancellationToken);

    /// <summary>The drafts of the key's business line, optionally by <paramref name="status"/> (<c>pending</c>, <c>approved</c>, <c>rejected</c>).</summary>
    public Task<IReadOnlyList<Draft>> ListAsync(string? status = null, CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<Draft>>(Query.Path(Root, ("status", status)), cancellationToken);

    /// <summary>A draft with the impact of publishing it now.</summary>
    public Task<Draft> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _api.GetAsync<Draft>(Root + "/" + Query.Segment(id), cancellationToken);

    /// <summary>Approves and publishes a draft (not by its author).</summary>
    public Task<Draft> ApproveAsync(string id, string? note = null, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Draft>(HttpMethod.Post, Root + "/" + Query.Segment(id) + "/approve", new DecisionRequest(note), repeatable: false, cancellationToken);

    public Task<Draft> RejectAsync(string id, string? note = null, CancellationToken cancellationToken = default) =>
        _api.SendAsync<Draft>(HttpMethod.Post, Root + "/" + Query.Segment(id) + "/reject", new DecisionRequest(note), repeatable: false, cancellationToken);

    private sealed record DraftRequest(string Kind, string Name, string Yaml);

    private sealed record DecisionRequest(string? Note);
}

/// <summary>A proposed change: who wrote it, who decided, its YAML and (when asked for one) its impact.</summary>
public sealed record Draft(string Id, string Kind, string Name, string Status, string Author, string? Reviewer, string? Note, DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt, string Yaml, DraftImpact? Impact);

/// <summary>What publishing the draft now would change: per tag the persons whose value changes, per segment its size before and after.</summary>
public sealed record DraftImpact(DateTime AsOf, bool Blocked, IReadOnlyList<DraftTagImpact> Tags, IReadOnlyList<DraftSegmentImpact> Segments);

public sealed record DraftTagImpact(string Action, string Code, string Name, IReadOnlyList<string> What, long? PersonsChanging,
    IReadOnlyList<ValueTransition> Transitions, IReadOnlyList<string> Dependents);

public sealed record DraftSegmentImpact(string Action, string Name, long? SizeBefore, long? SizeAfter);
