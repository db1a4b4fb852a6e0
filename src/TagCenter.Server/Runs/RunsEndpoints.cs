using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Pipeline;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace TagCenter.Server.Runs;

/// <summary>
/// <c>/api/v1/runs</c>: start a refresh or a run in the background (202 and where to watch it), its status and
/// progress, cancel it, and the history of what ran on the workspace. One run at a time (409 otherwise).
/// </summary>
public static class RunsEndpoints
{
    /// <summary>The exit code <c>tagcenter refresh</c> gives when a source failed to load, kept in the report so it reads the same.</summary>
    private const int SourcesFailedExitCode = 3;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("", StartAsync).RequireScope(ApiScopes.Write).WithName("StartRun")
            .WithSummary("Start a refresh or a tag run in the background (tagcenter refresh / run)")
            .Accepts<RunBody>("application/json").ProducesProblem(400).ProducesProblem(409).ProducesProblem(422);
        group.MapGet("", HistoryAsync).RequireScope(ApiScopes.Read).WithName("ListRuns")
            .WithSummary("Runs started over the API, and the workspace's history of tag runs, loads, identity runs and segment passes");
        group.MapGet("/{id}", Status).RequireScope(ApiScopes.Read).WithName("GetRun")
            .WithSummary("A run's status and progress; its report (as --json) once finished").ProducesProblem(404);
        group.MapDelete("/{id}", CancelAsync).RequireScope(ApiScopes.Write).WithName("CancelRun")
            .WithSummary("Interrupt a running run (it rolls back)").ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<Accepted<RunView>> StartAsync(HttpContext http, WorkspaceHost host, BackgroundRuns runs, IAuditLog audit,
        IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        RunBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<RunBody>(http.Request.Body, json.Value.SerializerOptions, cancellationToken);
        }
        catch (JsonException) when (http.Request.ContentLength is 0)
        {
            body = null;
        }
        if (body is null)
            throw ApiException.BadRequest("invalid_body", Texts.T("res.run.body"));
        var kind = body.CheckedKind();
        var definition = host.Definition;
        var (local, instant, given) = body.When(definition, host.Time);
        if (kind == RunBody.Refresh && body.Tags is { Count: > 0 })
            throw ApiException.BadRequest("invalid_body", Texts.T("res.run.tags"));
        var time = host.Time;
        ApiRun run;
        if (kind == RunBody.Run)
        {
            var published = await host.ReadAsync((db, _) => PublishedCatalog.Load(db), cancellationToken)
                ?? throw new WorkspaceException([new Diagnostic("tags/", 0, 0, Texts.T("tags.unpublished"))]);
            var selection = body.Selection(published);
            run = runs.Start(kind, (db, progress, ct) =>
                PipelineJson.ToNode(PipelineJson.Run(WorkspacePipeline.Run(db, definition, local, selection, progress, time, ct), instant)));
        }
        else
        {
            var request = new RefreshRequest(local, given, ForceLoad: false, Publish: false, body.AllowShrink);
            // The writer's thread belongs to this run until it ends, so waiting on the async refresh here holds nothing else up.
            run = runs.Start(kind, (db, progress, ct) =>
            {
                var report = WorkspacePipeline.RefreshAsync(db, definition, request, progress, time, ct).GetAwaiter().GetResult();
                var skipped = report.Tags is null ? Texts.T("tags.unpublished") : report.Tags.Run is null ? Texts.T("tags.nothingdue") : null;
                return PipelineJson.ToNode(RefreshResultView.Of(report, skipped, report.SourcesFailed ? SourcesFailedExitCode : 0));
            });
        }
        await audit.RecordAsync(new AuditEntry(Caller.Of(http).Name, "run.start", run.Id, After: JsonSerializer.Serialize(body, json.Value.SerializerOptions)), cancellationToken);
        return TypedResults.Accepted(ServerApp.ApiPrefix + "/runs/" + run.Id, run.View(host.Time.GetUtcNow()));
    }

    private static Ok<RunView> Status(string id, BackgroundRuns runs, WorkspaceHost host) =>
        TypedResults.Ok(Find(runs, id).View(host.Time.GetUtcNow()));

    private static async Task<Ok<RunView>> CancelAsync(string id, HttpContext http, BackgroundRuns runs, WorkspaceHost host, IAuditLog audit, CancellationToken cancellationToken)
    {
        var run = Find(runs, id);
        if (run.Finished)
            throw ApiException.Conflict("run_finished", Texts.T("res.run.finished", id));
        await run.CancelAsync();
        await audit.RecordAsync(new AuditEntry(Caller.Of(http).Name, "run.cancel", id), cancellationToken);
        return TypedResults.Ok(run.View(host.Time.GetUtcNow()));
    }

    private static async Task<Ok<JsonObject>> HistoryAsync(BackgroundRuns runs, WorkspaceHost host, IOptions<JsonOptions> json, CancellationToken cancellationToken, int limit = 20)
    {
        limit = Math.Clamp(limit, 1, 1000);
        var history = await host.ReadAsync((db, _) => RunHistory.Read(db, limit), cancellationToken);
        var now = host.Time.GetUtcNow();
        var node = (JsonObject)JsonSerializer.SerializeToNode(history, json.Value.SerializerOptions)!;
        node.Insert(0, "api_runs", JsonSerializer.SerializeToNode(runs.Recent().Take(limit).Select(r => r.View(now)).ToList(), json.Value.SerializerOptions));
        return TypedResults.Ok(node);
    }

    private static ApiRun Find(BackgroundRuns runs, string id) =>
        runs.Find(id) ?? throw ApiException.NotFound("run_not_found", Texts.T("res.run.unknown", id));
}
