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
using TagCenter.Stores;

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
            .WithSummary("Per tag (or ?tag=): usage (definitions referring to it; API reads and exports in the last ?usage_days= (90), from the audit log), coverage over runs, stability, and with ?goal_event=&within= the conversion with and without each value (tagcenter tag evaluate)")
            .ProducesProblem(400).ProducesProblem(404);
        group.MapGet("/review", ReviewAsync).RequireScope(ApiScopes.Read).WithName("ReviewActivation")
            .WithSummary("Tags and segments to consider retiring: unused (no definition refers to it, no API read or export in the audit log) or stale for ?unused_days= (90), coverage under ?min_coverage= (0.01) (tagcenter review)");
        group.MapPost("/opt-outs", OptOutAsync).RequireScope(ApiScopes.Write).WithName("OptOut")
            .WithSummary("A person opts out of a consent category: triggers of that category skip them from now on, and log the skip (tagcenter trigger opt-out)")
            .ProducesProblem(400);
    }

    private static async Task<Ok<List<object>>> EvaluationAsync(HttpContext context, ActivationState state, IDataPolicy policy, WorkspaceHost host,
        IControlStore store, Governance.UsageCounter counter, CancellationToken cancellationToken, string? tag = null, string? goal_event = null, string within = "30d",
        int usage_days = 90)
    {
        var window = DurationText.Parse(within) ?? throw ApiException.BadRequest("invalid_within", Texts.T("activation.within.bad", within));
        var view = await ActivationView.ForAsync(context, state, policy, cancellationToken);
        var usage = ActivationReview.Usage(view.Workspace, await AuditUsageAsync(store, counter, state, usage_days, cancellationToken));
        return TypedResults.Ok(await host.ReadAsync((db, _) =>
        {
            var catalog = policy.VisibleTags(WorkspaceSegments.Published(db), view.Caller);
            var tags = tag is null ? catalog.Tags : [catalog.Find(tag) ?? throw new NotFoundException(Texts.T("activation.tag.unknown", tag, ""))];
            return tags.Select(t => ActivationJson.TagEvaluation(TagEvaluation.Evaluate(db, t, usage[t.Name], goal_event, window))).ToList();
        }, cancellationToken));
    }

    private static async Task<Ok<object>> ReviewAsync(HttpContext context, ActivationState state, IDataPolicy policy, WorkspaceHost host,
        IControlStore store, Governance.UsageCounter counter, CancellationToken cancellationToken, int unused_days = 90, double min_coverage = 0.01)
    {
        var view = await ActivationView.ForAsync(context, state, policy, cancellationToken);
        var audit = await AuditUsageAsync(store, counter, state, unused_days, cancellationToken);
        var candidates = await host.ReadAsync((db, _) =>
        {
            var tags = policy.VisibleTags(WorkspaceSegments.Published(db), view.Caller);
            return ActivationReview.Candidates(db, view.Workspace, TimeSpan.FromDays(Math.Max(0, unused_days)), min_coverage, audit).Where(c => view.Sees(c, tags)).ToList();
        }, cancellationToken);
        return TypedResults.Ok(ActivationJson.Review(unused_days, min_coverage, candidates));
    }

    /// <summary>API reads and exports in the last <paramref name="days"/>, from the audit log, the reads counted so far written to it first.</summary>
    private static async Task<AuditUsage.Tally> AuditUsageAsync(IControlStore store, Governance.UsageCounter counter, ActivationState state, int days, CancellationToken cancellationToken)
    {
        await counter.FlushAsync(CancellationToken.None);
        return await AuditUses.CountAsync(store, state.Time.GetUtcNow() - TimeSpan.FromDays(Math.Max(0, days)), cancellationToken);
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
