using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Activation;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Activation;

/// <summary>
/// <c>/api/v1/deliveries</c>: the outbox newest first, by trigger, status and person (<c>trigger deliveries --json</c>),
/// the dead letters (<c>trigger dead-letters</c>), one delivery with every attempt, and a dead letter's replay
/// (<c>trigger replay</c>, audited; the dispatcher is woken at once). A caller bound to a business line sees only the
/// deliveries of triggers and experiments they can see (<see cref="ActivationView"/>); any other answers as unknown.
/// </summary>
public static class DeliveriesEndpoints
{
    private static readonly string[] Statuses = [DeliveryStatus.Pending, DeliveryStatus.Delivered, DeliveryStatus.Dead, DeliveryStatus.SkippedCap, DeliveryStatus.SkippedConsent];

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).RequireScope(ApiScopes.Read).WithName("ListDeliveries")
            .WithSummary("Deliveries newest first; ?trigger=&status=&person=&limit= (tagcenter trigger deliveries)").ProducesProblem(400);
        group.MapGet("/dead", DeadAsync).RequireScope(ApiScopes.Read).WithName("ListDeadLetters")
            .WithSummary("The dead letters: deliveries that failed every attempt (tagcenter trigger dead-letters)");
        group.MapGet("/{id:long}", ShowAsync).RequireScope(ApiScopes.Read).WithName("GetDelivery")
            .WithSummary("One delivery with each attempt's outcome, latency and error").ProducesProblem(404);
        group.MapPost("/{id:long}/replay", ReplayAsync).RequireScope(ApiScopes.Write).WithName("ReplayDelivery")
            .WithSummary("A dead letter back to pending with its attempts reset; delivered again at once with the same delivery id (tagcenter trigger replay)")
            .ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<Ok<List<object>>> ListAsync(HttpContext context, ActivationState state, IDataPolicy policy, CancellationToken cancellationToken,
        string? trigger = null, string? status = null, string? person = null, int limit = 50)
    {
        if (status is not null && !Statuses.Contains(status))
            throw ApiException.BadRequest("invalid_status", Texts.T("activation.status.bad", status, string.Join(", ", Statuses)));
        var view = await ActivationView.ForAsync(context, state, policy, cancellationToken);
        if (trigger is not null && !view.SeesDelivery(trigger))
            view.Triggers.Get(trigger);
        return TypedResults.Ok(Visible(view, state.Store, trigger, status, person, Math.Clamp(limit, 1, 10_000)).Select(i => ActivationJson.Delivery(i)).ToList());
    }

    private static async Task<Ok<List<object>>> DeadAsync(HttpContext context, ActivationState state, IDataPolicy policy, CancellationToken cancellationToken, int limit = 50)
    {
        var view = await ActivationView.ForAsync(context, state, policy, cancellationToken);
        return TypedResults.Ok(Visible(view, state.Store, null, DeliveryStatus.Dead, null, Math.Clamp(limit, 1, 10_000)).Select(i => ActivationJson.Delivery(i)).ToList());
    }

    /// <summary>
    /// The newest <paramref name="limit"/> deliveries the caller may see: for a line-bound caller, those of the visible
    /// senders only, so the page is full and holds nothing of another line.
    /// </summary>
    private static IEnumerable<OutboxItem> Visible(ActivationView view, SqlActivationStore store, string? trigger, string? status, string? person, int limit) =>
        view.SeesEverything || trigger is not null
            ? store.Find(trigger, status, person, limit)
            : store.FindAmong(view.Senders, status, person, limit);

    private static async Task<Ok<object>> ShowAsync(long id, HttpContext context, ActivationState state, IDataPolicy policy, CancellationToken cancellationToken)
    {
        var item = await VisibleItemAsync(id, context, state, policy, cancellationToken);
        return TypedResults.Ok(ActivationJson.Delivery(item, state.Store.Attempts(id)));
    }

    /// <summary>One delivery, or 404 when it does not exist or belongs to a trigger the caller may not see.</summary>
    private static async Task<OutboxItem> VisibleItemAsync(long id, HttpContext context, ActivationState state, IDataPolicy policy, CancellationToken cancellationToken)
    {
        var view = await ActivationView.ForAsync(context, state, policy, cancellationToken);
        return state.Store.Get(id) is { } item && view.SeesDelivery(item.Trigger)
            ? item
            : throw ApiException.NotFound("delivery_not_found", Texts.T("activation.delivery.unknown", id));
    }

    private static async Task<Ok<object>> ReplayAsync(long id, HttpContext context, ActivationState state, IDataPolicy policy, IAuditLog audit,
        CancellationToken cancellationToken)
    {
        var item = await VisibleItemAsync(id, context, state, policy, cancellationToken);
        if (!state.Store.Replay(id, state.Time.GetUtcNow()))
            throw ApiException.Conflict("not_dead", Texts.T("activation.delivery.not_dead", id, item.Status));
        await audit.RecordAsync(new AuditEntry(Caller.Of(context).Name, "delivery.replay", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            item.Status, DeliveryStatus.Pending), cancellationToken);
        return TypedResults.Ok(ActivationJson.Delivery(state.Store.Get(id)!));
    }
}
