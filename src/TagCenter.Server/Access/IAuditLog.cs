namespace TagCenter.Server.Access;

/// <summary>One audited act: who, what kind (<c>segment.create</c>, <c>export</c>, <c>pii.read</c>, …), on what, before and after (JSON).</summary>
public sealed record AuditEntry(string Actor, string Action, string Target, string? Before = null, string? After = null);

/// <summary>
/// Where endpoints record every change, export and read of unmasked personal data. Governance supplies the
/// append-only, hash-chained store (<c>StoreAuditLog</c>). Reads of personal data are not recorded here by endpoints:
/// <see cref="IDataPolicy.Mask"/> notes them and the request ends with one <c>pii.read</c> row.
/// </summary>
public interface IAuditLog
{
    ValueTask RecordAsync(AuditEntry entry, CancellationToken cancellationToken);
}
