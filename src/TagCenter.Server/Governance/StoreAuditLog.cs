using TagCenter.Server.Access;
using TagCenter.Stores;

namespace TagCenter.Server.Governance;

/// <summary>The audit log of a governed server: each entry appended to the control store's hash-chained table.</summary>
internal sealed class StoreAuditLog(IControlStore store, TimeProvider time) : IAuditLog
{
    // Not the request's token: a change that happened is recorded even when its client has gone away.
    public async ValueTask RecordAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        await store.AppendAuditAsync(entry.Actor, entry.Action, entry.Target, entry.Before, entry.After, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
}
