using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Governance;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;
using TagCenter.Stores;

namespace TagCenter.Server.Governance.Drafts;

/// <summary>
/// <c>/api/v1/drafts</c>: propose a change to a tag file or a segment, see its impact, and have someone else approve
/// (publish) or reject it. See <see cref="DraftReview"/>.
/// </summary>
internal static class DraftEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/", async (DraftBody body, HttpContext context, DraftReview review, CancellationToken cancellationToken) =>
        {
            var (draft, impact) = await review.CreateAsync(Caller.Of(context), RoleOf(context), body.Kind, body.Name, body.Yaml, cancellationToken);
            return TypedResults.Created("/api/v1/drafts/" + draft.Id, DraftView.Of(draft, impact));
        }).WithName("CreateDraft").WithSummary("Proposes a change to a tag file (kind tag, name = path under tags/), a segment or a trigger; answers with its impact")
            .RequireScope(ApiScopes.Write);

        group.MapGet("/", async (string? status, HttpContext context, DraftReview review, CancellationToken cancellationToken) =>
            TypedResults.Ok((await review.ListAsync(Caller.Of(context), status, cancellationToken)).Select(d => DraftView.Of(d, null)).ToList()))
            .WithName("ListDrafts").WithSummary("Drafts (of the caller's business line), optionally by status").RequireScope(ApiScopes.Read);

        group.MapGet("/{id}", async (string id, HttpContext context, DraftReview review, CancellationToken cancellationToken) =>
        {
            var (draft, impact) = await review.ShowAsync(Caller.Of(context), id, cancellationToken);
            return TypedResults.Ok(DraftView.Of(draft, impact));
        }).WithName("GetDraft").WithSummary("A draft with the impact of publishing it now (persons whose value changes, segment sizes before → after)")
            .RequireScope(ApiScopes.Read);

        group.MapPost("/{id}/approve", async (string id, DecisionBody? body, HttpContext context, DraftReview review, CancellationToken cancellationToken) =>
        {
            var (draft, impact) = await review.ApproveAsync(Caller.Of(context), RoleOf(context), id, body?.Note, cancellationToken);
            return TypedResults.Ok(DraftView.Of(draft, impact));
        }).WithName("ApproveDraft").WithSummary("Approves and publishes a draft (not by its author)").RequireScope(ApiScopes.Write);

        group.MapPost("/{id}/reject", async (string id, DecisionBody? body, HttpContext context, DraftReview review, CancellationToken cancellationToken) =>
            TypedResults.Ok(DraftView.Of(await review.RejectAsync(Caller.Of(context), id, body?.Note, cancellationToken), null)))
            .WithName("RejectDraft").WithSummary("Rejects a draft").RequireScope(ApiScopes.Write);
    }

    private static Role RoleOf(HttpContext context) => Roles.Parse(context.User.FindFirstValue(ApiKeyHandler.RoleClaim)) ?? Role.Viewer;

    internal sealed record DraftBody(string? Kind, string? Name, string? Yaml);

    internal sealed record DecisionBody(string? Note);

    internal sealed record DraftView(string Id, string Kind, string Name, string Status, string Author, string? Reviewer, string? Note, DateTimeOffset CreatedAt,
        DateTimeOffset? DecidedAt, string Yaml, DraftImpact? Impact)
    {
        public static DraftView Of(DraftRecord d, DraftImpact? impact) =>
            new(d.Id, d.Kind, d.Name, d.Status, d.Author, d.Reviewer, d.Note, d.CreatedAt, d.DecidedAt, d.Yaml, impact);
    }
}
