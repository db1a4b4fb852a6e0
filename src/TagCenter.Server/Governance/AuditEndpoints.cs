using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Governance;
using TagCenter.Core.Text;
using TagCenter.Server.Hosting;
using TagCenter.Stores;

namespace TagCenter.Server.Governance;

/// <summary>
/// <c>/api/v1/audit</c>: the audit log, read-only (no route changes or deletes a row) and for admins only; <c>/verify</c>
/// walks the hash chain and names the first row that was changed, removed or moved.
/// </summary>
internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Ok<AuditPage>> (IControlStore store, UsageCounter usage, DateTimeOffset? since, string? actor, string? action, int? limit,
            CancellationToken cancellationToken) =>
        {
            if (limit is < 1 or > 10_000)
                throw ApiException.BadRequest("invalid_limit", Texts.T("governance.audit.limit", limit, 10_000));
            await usage.FlushAsync(CancellationToken.None); // the API reads counted so far are in the log shown
            var rows = await store.ReadAuditAsync(new AuditQuery(since, actor, action, limit ?? 1000), cancellationToken);
            return TypedResults.Ok(new AuditPage(rows));
        }).WithName("ListAudit").WithSummary("The audit log (newest `limit` rows, default 1000), oldest first").RequireScope(ApiScopes.Admin);

        group.MapGet("/verify", async Task<Ok<AuditVerification>> (IControlStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(AuditChain.Verify(await store.ReadAuditAsync(new AuditQuery(), cancellationToken))))
            .WithName("VerifyAudit").WithSummary("Checks the audit log's hash chain").RequireScope(ApiScopes.Admin);
    }

    internal sealed record AuditPage(IReadOnlyList<AuditRecord> Entries);
}
