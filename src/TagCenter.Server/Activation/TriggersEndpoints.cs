using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Activation;
using TagCenter.Core.Diagnostics;
using TagCenter.DuckDb.Activation;
using TagCenter.DuckDb.Tags;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Activation;

/// <summary>
/// <c>/api/v1/triggers</c>: the triggers with their delivery counts (<c>trigger list --json</c>), one with its recent
/// deliveries (<c>trigger show --json</c>), and a check of a trigger's yaml before it is proposed as a draft (changes
/// to triggers go through reviewed drafts, never straight from here).
/// </summary>
public static class TriggersEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("", ListAsync).RequireScope(ApiScopes.Read).WithName("ListTriggers")
            .WithSummary("Each trigger: condition, actions, cap, quiet hours, consent, deliveries per status (tagcenter trigger list)");
        group.MapGet("/{name}", ShowAsync).RequireScope(ApiScopes.Read).WithName("GetTrigger")
            .WithSummary("A trigger in full, its delivery counts and its 20 latest deliveries (tagcenter trigger show)").ProducesProblem(404);
        group.MapPost("/validate", ValidateAsync).RequireScope(ApiScopes.Write).WithName("ValidateTrigger")
            .WithSummary("Checks a trigger's yaml against the workspace (segments, tags, URLs, cap, quiet hours): 200 when it is sound, else 422 with each problem's line and column")
            .ProducesProblem(422);
    }

    private static async Task<Ok<List<object>>> ListAsync(HttpContext context, ActivationState state, IDataPolicy policy, CancellationToken cancellationToken)
    {
        var visible = await VisibleAsync(context, state, policy, cancellationToken);
        var counts = ActivationJson.CountsPerTrigger(state.Store);
        return TypedResults.Ok(visible.Triggers
            .Select(t => ActivationJson.TriggerRow(t, counts.GetValueOrDefault(t.Name) ?? new Dictionary<string, long>())).ToList());
    }

    private static async Task<Ok<object>> ShowAsync(string name, HttpContext context, ActivationState state, IDataPolicy policy, CancellationToken cancellationToken)
    {
        var trigger = (await VisibleAsync(context, state, policy, cancellationToken)).Get(name);
        return TypedResults.Ok(ActivationJson.TriggerShow(trigger, state.Store.Find(trigger.Name, null, null, 20), state.Store.Counts(trigger.Name)));
    }

    /// <summary>
    /// The triggers the caller may see: company-wide ones and their business line's. Another line's trigger is
    /// "unknown" (with suggestions from the visible ones only), as another line's tag is in a rule.
    /// </summary>
    private static async Task<TriggerCatalog> VisibleAsync(HttpContext context, ActivationState state, IDataPolicy policy, CancellationToken cancellationToken) =>
        (await ActivationView.ForAsync(context, state, policy, cancellationToken)).Triggers;

    /// <summary>The body of <c>POST /triggers/validate</c>.</summary>
    public sealed record TriggerYaml(string? Name, string? Yaml);

    private static async Task<Ok<object>> ValidateAsync(TriggerYaml body, HttpContext context, WorkspaceHost host, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Name) || body.Yaml is null)
            throw ApiException.BadRequest("invalid_body", Core.Text.Texts.T("server.api.body", "name, yaml"));
        var published = await host.ReadAsync((db, _) => PublishedCatalog.Load(db), cancellationToken);
        var diagnostics = TriggerFiles.Validate(host.Definition, published, body.Name.Trim(), body.Yaml, SelfAuthorities(context, host));
        if (diagnostics.Count > 0)
            throw new WorkspaceException(diagnostics);
        return TypedResults.Ok<object>(new { name = body.Name.Trim(), valid = true });
    }

    /// <summary>Where this server answers (its host:port as called and as configured): a webhook there would call the server itself.</summary>
    public static IReadOnlyCollection<string> SelfAuthorities(HttpContext context, WorkspaceHost host)
    {
        var self = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (context.Request.Host.HasValue)
            self.Add(context.Request.Host.Value!);
        foreach (var url in host.Options.Urls)
            if (Uri.TryCreate(url.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
                self.Add(uri.Authority);
        return self;
    }
}
