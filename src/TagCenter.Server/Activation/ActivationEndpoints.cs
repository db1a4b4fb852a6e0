using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Activation;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Segments;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Activation;

/// <summary>
/// Activation's endpoint groups (<c>/triggers</c>, <c>/deliveries</c>, <c>/experiments</c>) and <c>/activation</c>:
/// tag evaluation (<c>tag evaluate --json</c>), the review report (<c>review --json</c>) and consent opt-outs. Each
/// answers with what the caller's business line may see (<see cref="ActivationView"/>).
/// </summary>
public static class ActivationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        TriggersEndpoints.Map(api.MapGroup("/triggers").WithTags("triggers"));
        DeliveriesEndpoints.Map(api.MapGroup("/deliveries").WithTags("deliveries"));
        ExperimentsEndpoints.Map(api.MapGroup("/experiments").WithTags("experiments"));
        var group = api.MapGroup("/activation").WithTags("activation");
        group.MapGet("/evaluation", EvaluationAsync).RequireScope(ApiScopes.Read).WithName("EvaluateTags")
            .WithSummary("Per tag (or ?tag=): usage, coverage over runs, stability, and with ?goal_event=&within= the conversion with and without each value (tagcenter tag evaluate)")
            .ProducesProblem(400).ProducesProblem(404);
        group.MapGet("/review", ReviewAsync).RequireScope(ApiScopes.Read).WithName("ReviewActivation")
            .WithSummary("Tags and segments to consider retiring: unused, stale for ?unused_days= (90), coverage under ?min_coverage= (0.01) (tagcenter review)");
        group.MapPost("/opt-outs", OptOutAsync).RequireScope(ApiScopes.Write).WithName("OptOut")
            .WithSummary("A person opts out of a consent category: triggers of that category skip them from now on, and log the skip (tagcenter trigger opt-out)")
            .ProducesProblem(400);
    }

    private static async Task<Ok<List<object>>> EvaluationAsync(HttpContext context, ActivationState state, IDataPolicy policy, WorkspaceHost host,
        CancellationToken cancellationToken, string? tag = null, string? goal_event = null, string within = "30d")
    {
        var window = DurationText.Parse(within) ?? throw ApiException.BadRequest("invalid_within", Texts.T("activation.within.bad", within));
        var view = await ActivationView.ForAsync(context, state, policy, cancellationToken);
        var usage = ActivationReview.Usage(view.Workspace);
        return TypedResults.Ok(await host.ReadAsync((db, _) =>
        {
            var catalog = policy.VisibleTags(WorkspaceSegments.Published(db), view.Caller);
            var tags = tag is null ? catalog.Tags : [catalog.Find(tag) ?? throw new NotFoundException(Texts.T("activation.tag.unknown", tag, ""))];
            return tags.Select(t => ActivationJson.TagEvaluation(TagEvaluation.Evaluate(db, t, usage[t.Name], goal_event, window))).ToList();
        }, cancellationToken));
    }

    private static async Task<Ok<object>> ReviewAsync(HttpContext context, ActivationState state, IDataPolicy policy, WorkspaceHost host,
        CancellationToken cancellationToken, int unused_days = 90, double min_coverage = 0.01)
    {
        var view = await ActivationView.ForAsync(context, state, policy, cancellationToken);
        var candidates = await host.ReadAsync((db, _) =>
        {
            var tags = policy.VisibleTags(WorkspaceSegments.Published(db), view.Caller);
            return ActivationReview.Candidates(db, view.Workspace, TimeSpan.FromDays(Math.Max(0, unused_days)), min_coverage).Where(c => view.Sees(c, tags)).ToList();
        }, cancellationToken);
        return TypedResults.Ok(ActivationJson.Review(unused_days, min_coverage, candidates));
    }

    /// <summary>The body of <c>POST /activation/opt-outs</c>.</summary>
    public sealed record OptOutBody(string? Person, string? Category);

    private static async Task<Ok<object>> OptOutAsync(OptOutBody body, HttpContext context, ActivationState state, IAuditLog audit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Person) || string.IsNullOrWhiteSpace(body.Category))
            throw ApiException.BadRequest("invalid_body", Texts.T("activation.optout.bad"));
        state.Store.OptOut(body.Person.Trim(), body.Category.Trim(), state.Time.GetUtcNow());
        await audit.RecordAsync(new AuditEntry(Caller.Of(context).Name, "consent.opt_out", body.Person.Trim(), After: body.Category.Trim()), cancellationToken);
        return TypedResults.Ok<object>(new { person = body.Person.Trim(), category = body.Category.Trim(), opted_out = true });
    }
}
