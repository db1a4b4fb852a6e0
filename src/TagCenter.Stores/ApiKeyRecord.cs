using TagCenter.Core.Governance;

namespace TagCenter.Stores;

/// <summary>
/// An API key as stored: never the key itself, only its SHA-256 (<see cref="ApiKeyText.Hash"/>) and its first
/// characters for lists. It acts as <see cref="Name"/> with that role, line and PII right (copied from the user
/// it was made for, or given when it was created).
/// </summary>
public sealed record ApiKeyRecord(string Id, string Display, string Hash, string Name, Role Role, string? BusinessLine, bool PiiRead,
    DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null)
{
    public bool Active => RevokedAt is null;
}
