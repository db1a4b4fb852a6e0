using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TagCenter.Core.Governance;
using TagCenter.Server.Governance;
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
            .WithSummary("The caller: name, role, scopes, business line (null: every line) and whether personal data reads unmasked");

    private static Ok<CallerView> Get(HttpContext context)
    {
        var caller = Caller.Of(context);
        var role = Roles.Parse(context.User.FindFirstValue(ApiKeyHandler.RoleClaim));
        return TypedResults.Ok(new CallerView(caller.Name, role is { } r ? Roles.Name(r) : null, [.. caller.Scopes.Order(StringComparer.Ordinal)], caller.BusinessLine,
            caller.CanReadPii));
    }

    /// <summary>The answer of <c>GET /me</c>.</summary>
    public sealed record CallerView(string Name, string? Role, IReadOnlyList<string> Scopes, string? BusinessLine, bool PiiRead);
}
