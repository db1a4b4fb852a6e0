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
/// (<c>trigger replay</c>, audited; the dispatcher is woken at once).
/// </summary>
public static class DeliveriesEndpoints
{
    private static readonly string[] Statuses = [DeliveryStatus.Pending, DeliveryStatus.Delivered, DeliveryStatus.Dead, DeliveryStatus.SkippedCap, DeliveryStatus.SkippedConsent];

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", List).RequireScope(ApiScopes.Read).WithName("ListDeliveries")
            .WithSummary("Deliveries newest first; ?trigger=&status=&person=&limit= (tagcenter trigger deliveries)").ProducesProblem(400);
        group.MapGet("/dead", Dead).RequireScope(ApiScopes.Read).WithName("ListDeadLetters")
            .WithSummary("The dead letters: deliveries that failed every attempt (tagcenter trigger dead-letters)");
        group.MapGet("/{id:long}", Show).RequireScope(ApiScopes.Read).WithName("GetDelivery")
            .WithSummary("One delivery with each attempt's outcome, latency and error").ProducesProblem(404);
        group.MapPost("/{id:long}/replay", ReplayAsync).RequireScope(ApiScopes.Write).WithName("ReplayDelivery")
            .WithSummary("A dead letter back to pending with its attempts reset; delivered again at once with the same delivery id (tagcenter trigger replay)")
            .ProducesProblem(404).ProducesProblem(409);
    }

    private static Ok<List<object>> List(ActivationState state, string? trigger = null, string? status = null, string? person = null, int limit = 50)
    {
        if (status is not null && !Statuses.Contains(status))
            throw ApiException.BadRequest("invalid_status", Texts.T("activation.status.bad", status, string.Join(", ", Statuses)));
        return TypedResults.Ok(state.Store.Find(trigger, status, person, Math.Clamp(limit, 1, 10_000)).Select(i => ActivationJson.Delivery(i)).ToList());
    }

    private static Ok<List<object>> Dead(ActivationState state, int limit = 50) =>
        TypedResults.Ok(state.Store.List(DeliveryStatus.Dead, Math.Clamp(limit, 1, 10_000)).Select(i => ActivationJson.Delivery(i)).ToList());

    private static Ok<object> Show(long id, ActivationState state)
    {
        var item = state.Store.Get(id) ?? throw ApiException.NotFound("delivery_not_found", Texts.T("activation.delivery.unknown", id));
        return TypedResults.Ok(ActivationJson.Delivery(item, state.Store.Attempts(id)));
    }

    private static async Task<Ok<object>> ReplayAsync(long id, HttpContext context, ActivationState state, IAuditLog audit, CancellationToken cancellationToken)
    {
        var item = state.Store.Get(id) ?? throw ApiException.NotFound("delivery_not_found", Texts.T("activation.delivery.unknown", id));
        if (!state.Store.Replay(id, state.Time.GetUtcNow()))
            throw ApiException.Conflict("not_dead", Texts.T("activation.delivery.not_dead", id, item.Status));
        await audit.RecordAsync(new AuditEntry(Caller.Of(context).Name, "delivery.replay", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            item.Status, DeliveryStatus.Pending), cancellationToken);
        OutboxSignal.Pulse(state.Root);
        return TypedResults.Ok(ActivationJson.Delivery(state.Store.Get(id)!));
    }
}
