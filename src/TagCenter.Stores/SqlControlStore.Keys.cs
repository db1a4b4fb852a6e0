using System.Data.Common;
using TagCenter.Core.Governance;

namespace TagCenter.Stores;

internal sealed partial class SqlControlStore
{
    public Task AddKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT INTO api_keys (id, display, hash, name, role, business_line, pii_read, created_at, revoked_at) " +
            "VALUES (@id, @display, @hash, @name, @role, @line, @pii, @at, @revoked)", cancellationToken,
            ("id", key.Id), ("display", key.Display), ("hash", key.Hash), ("name", key.Name), ("role", Roles.Name(key.Role)),
            ("line", key.BusinessLine), ("pii", key.PiiRead ? 1 : 0), ("at", Time(key.CreatedAt)),
            ("revoked", key.RevokedAt is { } r ? Time(r) : null));

    public async Task<ApiKeyRecord?> FindKeyAsync(string hash, CancellationToken cancellationToken) =>
        (await QueryAsync(KeySelect + " WHERE hash = @hash", ReadKey, cancellationToken, ("hash", hash)).ConfigureAwait(false)).FirstOrDefault();

    public async Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(CancellationToken cancellationToken) =>
        await QueryAsync(KeySelect + " ORDER BY created_at, id", ReadKey, cancellationToken).ConfigureAwait(false);

    public async Task<bool> RevokeKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL", cancellationToken,
            ("at", Time(at)), ("id", id)).ConfigureAwait(false) == 1;

    public async Task<bool> AnyActiveKeyAsync(CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT id FROM api_keys WHERE revoked_at IS NULL LIMIT 1", r => r.GetString(0), cancellationToken).ConfigureAwait(false)).Count > 0;

    private const string KeySelect = "SELECT id, display, hash, name, role, business_line, pii_read, created_at, revoked_at FROM api_keys";

    private static ApiKeyRecord ReadKey(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Roles.Parse(r.GetString(4)) ?? Role.Viewer, StringOrNull(r, 5),
            Convert.ToInt64(r.GetValue(6)) != 0, ReadTime(r, 7), ReadTimeOrNull(r, 8));
}
