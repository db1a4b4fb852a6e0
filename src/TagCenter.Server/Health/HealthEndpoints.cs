using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Text;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Health;

/// <summary>
/// <c>/health</c>: the process is up (for a liveness probe; no credential). <c>/ready</c>: the workspace database
/// answers, so requests will be served (for a load balancer, with a read key); 503 with the reason otherwise.
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new HealthStatus("ok")))
            .WithTags("health").WithSummary("Liveness").AllowAnonymous();
        app.MapGet("/ready", async (WorkspaceHost host, CancellationToken cancellationToken) =>
        {
            try
            {
                await host.PingAsync(cancellationToken);
                return Results.Ok(new HealthStatus("ready") { Workspace = host.Definition.Name });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ApiException(503, "not_ready", Texts.T("server.api.notready", e.Message));
            }
        }).WithTags("health").WithSummary("Readiness").RequireScope(ApiScopes.Read);
    }

    internal sealed record HealthStatus(string Status)
    {
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? Workspace { get; init; }
    }
}
