using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TagCenter.DuckDb.Freshness;
using TagCenter.DuckDb.Ingest;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Status;

/// <summary><c>/api/v1/status</c>: each source's last load and how fresh each stage is (sources, identity, tags), as <c>tagcenter status --json</c>.</summary>
public static class StatusEndpoints
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("", GetAsync).RequireScope(ApiScopes.Read).WithName("GetStatus")
            .WithSummary("Each source's last load and quarantine reasons, and the freshness of each stage (tagcenter status)");

    private static async Task<Ok<WorkspaceStatus>> GetAsync(WorkspaceHost host, CancellationToken cancellationToken) =>
        TypedResults.Ok(await host.ReadAsync((db, _) =>
        {
            var definition = host.Definition;
            var freshness = WorkspaceFreshness.Of(db, definition);
            return new WorkspaceStatus(definition.Root, definition.DatabasePath, db.Snapshot,
                SourceStatus.For(db, definition.Sources.Select(s => s.Name)), [freshness.Sources, freshness.Identity, freshness.Tags]);
        }, cancellationToken));
}

/// <summary>The workspace's state: where it is, each source's last load, each stage's freshness (with the reasons it is stale).</summary>
public sealed record WorkspaceStatus(string Workspace, string Database, string? Snapshot, IReadOnlyList<SourceStatus> Sources, IReadOnlyList<StageFreshness> Stages);
