using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Pipeline;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Workspace;

/// <summary>
/// Tags as code over HTTP: <c>GET /api/v1/plan</c> is <c>tagcenter plan --json</c> (what the files under tags/ and
/// segments/ would change, with the persons affected); <c>POST /api/v1/apply</c> publishes them — refused with 422
/// and the blocking changes when the plan is blocked. Both are audited.
/// </summary>
public static class WorkspaceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/plan", (HttpContext http, WorkspaceHost host, IAuditLog audit, string? as_of, CancellationToken ct) => PlanAsync(http, host, audit, as_of, false, ct))
            .RequireScope(ApiScopes.Read).WithName("Plan").WithTags("workspace")
            .WithSummary("What the workspace files would change, with the impact on the data (tagcenter plan)").ProducesProblem(400).ProducesProblem(422);
        api.MapPost("/apply", (HttpContext http, WorkspaceHost host, IAuditLog audit, string? as_of, CancellationToken ct) => PlanAsync(http, host, audit, as_of, true, ct))
            .RequireScope(ApiScopes.Write).WithName("Apply").WithTags("workspace")
            .WithSummary("Publish the workspace files (tagcenter apply); 422 when the plan is blocked").ProducesProblem(400).ProducesProblem(422);
    }

    private static async Task<IResult> PlanAsync(HttpContext http, WorkspaceHost host, IAuditLog audit, string? asOfText, bool apply, CancellationToken cancellationToken)
    {
        var definition = host.Definition;
        DateTime? asOf = null;
        if (asOfText is not null)
        {
            var parsed = AsOf.Parse(asOfText, definition.TimeZone);
            asOf = parsed.Error is null ? parsed.Local : throw ApiException.BadRequest("invalid_as_of", Texts.T("res.run.asof", asOfText, parsed.Error));
        }
        // The plan measures its impact on the data and apply writes: both on the writer, one at a time.
        var result = await host.WriteAsync((db, ct) => WorkspacePlan.Make(db, definition, asOf, apply, host.Time, ct), cancellationToken);
        var json = WorkspacePlan.Json(result);
        var caller = Caller.Of(http).Name;
        await audit.RecordAsync(new AuditEntry(caller, apply ? (result.Applied ? "apply" : "apply.refused") : "plan", definition.Root,
            After: JsonSerializer.Serialize(json, PipelineJson.Options)), cancellationToken);
        if (result.Applied)
        {
            host.ReloadDefinition();
            host.ReloadIndex();
        }
        if (!apply || result.Applied)
            return TypedResults.Json(json, PipelineJson.Options);
        var blocking = result.Plan.Changes.Where(c => c.Dependents.Count > 0)
            .Select(c => (File: "tags/", Message: c.Name + ": " + Texts.T("plan.dependents", string.Join(", ", c.Dependents))))
            .Concat(result.Models.Changes.Where(c => c.Dependents.Count > 0)
                .Select(c => (File: c.Before?.File ?? "models/", Message: c.Name + ": " + Texts.T("models.plan.dependents", string.Join(", ", c.Dependents)))))
            .ToList();
        var problem = ApiProblems.Problem(http, 422, "plan_blocked", Texts.T("res.plan.blocked", string.Join("; ", blocking.Select(b => b.Message))));
        problem.Extensions["diagnostics"] = blocking.Select(b => new { file = b.File, line = 0, column = 0, message = b.Message }).ToList();
        problem.Extensions["plan"] = json;
        return TypedResults.Problem(problem);
    }
}
