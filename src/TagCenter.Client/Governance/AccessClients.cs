namespace TagCenter.Client;

/// <summary><c>/api/v1/users</c> (admin keys): users with their role, business line and PII right.</summary>
public sealed class UsersClient
{
    private const string Root = ApiConnection.Api + "users";

    private readonly ApiConnection _api;

    internal UsersClient(ApiConnection api) => _api = api;

    public Task<IReadOnlyList<UserView>> ListAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<UserView>>(Root, cancellationToken);

    /// <summary>Adds a user (<paramref name="role"/> admin, analyst, marketer, viewer or ingest); 409 <c>user_exists</c>.</summary>
    public Task<UserView> CreateAsync(string name, string role, string? businessLine = null, bool piiRead = false, CancellationToken cancellationToken = default) =>
        _api.SendAsync<UserView>(HttpMethod.Post, Root, new UserRequest(name, role, businessLine, piiRead), repeatable: false, cancellationToken);

    private sealed record UserRequest(string Name, string Role, string? BusinessLine, bool PiiRead);
}

/// <summary><c>/api/v1/keys</c> (admin keys): API keys (never the key itself, except once when created), create, revoke.</summary>
public sealed class KeysClient
{
    private const string Root = ApiConnection.Api + "keys";

    private readonly ApiConnection _api;

    internal KeysClient(ApiConnection api) => _api = api;

    public Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<ApiKeyView>>(Root, cancellationToken);

    /// <summary>Creates a key for <paramref name="user"/> (taking their role, line and PII right) or with the role given; the key is in this answer only.</summary>
    public Task<CreatedApiKey> CreateAsync(string? user = null, string? name = null, string? role = null, string? businessLine = null, bool piiRead = false,
        CancellationToken cancellationToken = default) =>
        _api.SendAsync<CreatedApiKey>(HttpMethod.Post, Root, new KeyRequest(user, name, role, businessLine, piiRead), repeatable: false, cancellationToken);

    /// <summary>Revokes a key; 404 <c>key_not_found</c>.</summary>
    public Task RevokeAsync(string id, CancellationToken cancellationToken = default) =>
        _api.SendAsync(HttpMethod.Post, Root + "/" + Query.Segment(id) + "/revoke", null, repeatable: true, cancellationToken);

    private sealed record KeyRequest(string? User, string? Name, string? Role, string? BusinessLine, bool PiiRead);
}

/// <summary><c>/api/v1/audit</c> (admin keys): the audit log and the check of its hash chain.</summary>
public sealed class AuditClient
{
    private const string Root = ApiConnection.Api + "audit";

    private readonly ApiConnection _api;

    internal AuditClient(ApiConnection api) => _api = api;

    /// <summary>The newest <paramref name="limit"/> entries (default 1000), oldest first, filtered by time, actor and action.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(DateTimeOffset? since = null, string? actor = null, string? action = null, int? limit = null,
        CancellationToken cancellationToken = default) =>
        (await _api.GetAsync<AuditPage>(Query.Path(Root, ("since", since), ("actor", actor), ("action", action), ("limit", limit)), cancellationToken)
            .ConfigureAwait(false)).Entries;

    /// <summary>Checks the audit log's hash chain: valid, or where it breaks.</summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<AuditVerification>(Root + "/verify", cancellationToken);

    private sealed record AuditPage(IReadOnlyList<AuditEntry> Entries);
}

public sealed record UserView(string Name, string Role, IReadOnlyList<string> Scopes, string? BusinessLine, bool PiiRead, DateTimeOffset CreatedAt);

/// <summary>A key as listed: its display form (<c>tc_ab12…</c>), never the key.</summary>
public sealed record ApiKeyView(string Id, string Display, string Name, string Role, IReadOnlyList<string> Scopes, string? BusinessLine, bool PiiRead,
    DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A new key: <see cref="Key"/> is shown in this answer only.</summary>
public sealed record CreatedApiKey(string Key, bool ShownOnce, ApiKeyView Record);

/// <summary>One audited action, chained to the one before by its hash.</summary>
public sealed record AuditEntry(long Seq, string Actor, string Action, string Target, DateTimeOffset At, string? Before, string? After, string PrevHash, string Hash);

public sealed record AuditVerification(bool Valid, long Count, string LastHash, AuditBreak? Break);

public sealed record AuditBreak(long Seq, string Reason, long Expected);
