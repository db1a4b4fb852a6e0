using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Access;

/// <summary>
/// <c>/api/v1/me</c>: who the key acts for and what it may do (its scopes, business line, PII right), so a client
/// (the web console) offers only the actions the API would accept rather than showing buttons that answer 403.
/// </summary>
public static class MeEndpoints
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("", Get).RequireScope(ApiScopes.Read).WithName("GetMe")
            .WithSummary("The caller: name, scopes, business line (null: every line) and whether personal data reads unmasked");

    private static Ok<CallerView> Get(HttpContext context)
    {
        var caller = Caller.Of(context);
        return TypedResults.Ok(new CallerView(caller.Name, [.. caller.Scopes.Order(StringComparer.Ordinal)], caller.BusinessLine, caller.CanReadPii));
    }

    /// <summary>The answer of <c>GET /me</c>.</summary>
    public sealed record CallerView(string Name, IReadOnlyList<string> Scopes, string? BusinessLine, bool PiiRead);
}
