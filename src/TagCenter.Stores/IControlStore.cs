using TagCenter.Core.Governance;

namespace TagCenter.Stores;

/// <summary>
/// The control plane's own data, apart from the analytical database: users, API keys, the audit log and drafts.
/// SQLite in the workspace by default, PostgreSQL when several servers share it; both pass the same test suite.
/// </summary>
public interface IControlStore : IAsyncDisposable
{
    /// <summary>Where the store is, for messages (a file path or host/database, never a password).</summary>
    string Describe { get; }

    /// <summary>Adds a user; false when the name is taken.</summary>
    Task<bool> AddUserAsync(UserRecord user, CancellationToken cancellationToken);

    Task<UserRecord?> FindUserAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellationToken);

    Task AddKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>The key whose hash is <paramref name="hash"/>, revoked or not.</summary>
    Task<ApiKeyRecord?> FindKeyAsync(string hash, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a key by id; false when there is no such active key.</summary>
    Task<bool> RevokeKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Whether any key can still be used (serve says how to create the first).</summary>
    Task<bool> AnyActiveKeyAsync(CancellationToken cancellationToken);

    /// <summary>Appends one audit row, chained to the last one under a lock, so concurrent writers never fork the chain.</summary>
    Task<AuditRecord> AppendAuditAsync(string actor, string action, string target, string? before, string? after, DateTimeOffset at,
        CancellationToken cancellationToken);

    /// <summary>Audit rows in sequence order (the newest <see cref="AuditQuery.Limit"/> when limited).</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(AuditQuery query, CancellationToken cancellationToken);

    Task AddDraftAsync(DraftRecord draft, CancellationToken cancellationToken);

    Task<DraftRecord?> FindDraftAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<DraftRecord>> ListDraftsAsync(string? status, CancellationToken cancellationToken);

    /// <summary>Moves a pending draft to approved or rejected; false when it was no longer pending (someone decided first).</summary>
    Task<bool> DecideDraftAsync(string id, string status, string reviewer, string? note, DateTimeOffset at, CancellationToken cancellationToken);
}
