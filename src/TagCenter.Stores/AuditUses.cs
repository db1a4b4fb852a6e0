using TagCenter.Core.Activation;

namespace TagCenter.Stores;

/// <summary>Reads the audit rows usage is counted from (<see cref="AuditUsage.Actions"/>) since a time and counts them.</summary>
public static class AuditUses
{
    public static async Task<AuditUsage.Tally> CountAsync(IControlStore store, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var rows = new List<AuditUse>();
        foreach (var action in AuditUsage.Actions)
            rows.AddRange((await store.ReadAuditAsync(new AuditQuery(Since: since, Action: action), cancellationToken).ConfigureAwait(false))
                .Select(r => new AuditUse(r.Action, r.Target, r.After, r.At)));
        return AuditUsage.Count(rows);
    }

    /// <summary>
    /// The same from the workspace's default store (<c>TAGCENTER_STORE</c>, else SQLite in the workspace), for the CLI;
    /// a workspace whose store has never been opened has no audit and no usage.
    /// </summary>
    public static async Task<AuditUsage.Tally> CountAsync(string workspaceRoot, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var configured = ControlStores.Configured;
        if (string.IsNullOrWhiteSpace(configured) && !File.Exists(ControlStores.DefaultPath(workspaceRoot)))
            return AuditUsage.Tally.Empty; // read-only: not creating a store to find it empty
        var store = await ControlStores.OpenAsync(configured, workspaceRoot, cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
            return await CountAsync(store, since, cancellationToken).ConfigureAwait(false);
    }
}
