using System.Text.Json;
using TagCenter.Core.Governance;

namespace TagCenter.Stores;

/// <summary>
/// Users and API keys as the CLI and the server both change them: each change checked, stored and audited the same
/// way, whoever makes it. A new key is returned once, in clear; only its hash is kept. <paramref name="keysChanged"/> is
/// told when a key is added or revoked (a server forgets the keys it remembered).
/// </summary>
public sealed class Accounts(IControlStore store, TimeProvider time, Action? keysChanged = null)
{
    /// <summary>Adds a user; null when the name is taken.</summary>
    public async Task<UserRecord?> AddUserAsync(string actor, string name, Role role, string? line, bool piiRead, CancellationToken cancellationToken)
    {
        var user = new UserRecord(name.Trim(), role, Line(line), piiRead, time.GetUtcNow());
        if (!await store.AddUserAsync(user, cancellationToken).ConfigureAwait(false))
            return null;
        await store.AppendAuditAsync(actor, "user.create", "user:" + user.Name, null, Json(user), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return user;
    }

    /// <summary>A new key acting as <paramref name="name"/> with that role, line and PII right; the key text is in the result, and nowhere else.</summary>
    public async Task<(ApiKeyRecord Record, string Key)> CreateKeyAsync(string actor, string name, Role role, string? line, bool piiRead,
        CancellationToken cancellationToken)
    {
        var key = ApiKeyText.New();
        var record = new ApiKeyRecord("key_" + Guid.NewGuid().ToString("N")[..12], ApiKeyText.Display(key), ApiKeyText.Hash(key), name.Trim(), role,
            Line(line), piiRead, time.GetUtcNow());
        await store.AddKeyAsync(record, cancellationToken).ConfigureAwait(false);
        keysChanged?.Invoke();
        await store.AppendAuditAsync(actor, "key.create", "key:" + record.Id, null, Json(Shown(record)), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return (record, key);
    }

    /// <summary>Revokes a key; false when no active key has that id.</summary>
    public async Task<bool> RevokeKeyAsync(string actor, string id, CancellationToken cancellationToken)
    {
        if (!await store.RevokeKeyAsync(id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            return false;
        keysChanged?.Invoke();
        await store.AppendAuditAsync(actor, "key.revoke", "key:" + id, null, null, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>What may be shown of a key: never the hash.</summary>
    public static object Shown(ApiKeyRecord k) => new
    {
        id = k.Id,
        display = k.Display,
        name = k.Name,
        role = Roles.Name(k.Role),
        scopes = Roles.Scopes(k.Role),
        business_line = k.BusinessLine,
        pii_read = k.PiiRead,
        created_at = k.CreatedAt,
        revoked_at = k.RevokedAt,
    };

    public static object Shown(UserRecord u) => new
    {
        name = u.Name,
        role = Roles.Name(u.Role),
        scopes = Roles.Scopes(u.Role),
        business_line = u.BusinessLine,
        pii_read = u.PiiRead,
        created_at = u.CreatedAt,
    };

    /// <summary>No line, blank or 全公司 all mean company-wide (null).</summary>
    public static string? Line(string? line) => string.IsNullOrWhiteSpace(line) || line.Trim() == Roles.CompanyWide ? null : line.Trim();

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Json(object value) => JsonSerializer.Serialize(value is UserRecord u ? Shown(u) : value, JsonOptions);
}
