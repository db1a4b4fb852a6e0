using TagCenter.Core.Governance;
using TagCenter.Core.Workspace;
using TagCenter.Server.Hosting;
using TagCenter.Server.Ingest;

namespace TagCenter.Server.Governance;

/// <summary>
/// One key system for sending events. An API key of role <c>ingest</c> is accepted wherever a Segment write key is —
/// Basic user name, <c>writeKey</c> in the body, or Bearer — and writes to
/// the workspace's <c>kind: segment</c> source (with several, to the one named like the key). A source's declared
/// <c>write_key</c> keeps working for SDKs already deployed with it; it is compared first, in constant time. An API
/// key is revocable, audited when made and shown once, so new senders should get one. Other roles' keys are not write
/// keys, not even admin's: a key shipped inside an app must be able to send events and nothing else.
/// </summary>
internal sealed class IngestCredentials(ApiKeyCache keys, WorkspaceHost host)
{
    /// <summary>The key of a Bearer header, or null (Basic is read by <see cref="WriteKeys.FromBasic"/>).</summary>
    public static string? Bearer(string authorization) =>
        authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? ApiKeyHandler.ReadKey(authorization) : null;

    /// <summary>The source events sent with <paramref name="key"/> go to, or null for an unknown, revoked or read-only key.</summary>
    public async ValueTask<SourceDefinition?> FindAsync(string? key, WriteKeys declared, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
            return null;
        if (declared.Find(key) is { } source)
            return source;
        if (!key.StartsWith(ApiKeyText.Prefix, StringComparison.Ordinal))
            return null;
        var record = await keys.FindAsync(ApiKeyText.Hash(key), cancellationToken).ConfigureAwait(false);
        if (record is not { Active: true, Role: Role.Ingest })
            return null;
        var sources = host.Definition.Sources.Where(s => s.Kind == SourceKind.Segment).ToList();
        return sources.Count == 1 ? sources[0] : sources.FirstOrDefault(s => s.Name == record.Name);
    }
}
