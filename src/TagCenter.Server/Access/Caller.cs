using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Access;

/// <summary>
/// Who is calling: a name, the scopes of their credential, the business line they belong to (null: company-wide,
/// sees every line) and whether they may read personal data unmasked. Built from the authenticated principal, so
/// every endpoint asks the same questions of the same object.
/// </summary>
public sealed record Caller(string Name, IReadOnlySet<string> Scopes, string? BusinessLine, bool CanReadPii)
{
    public const string LineClaim = "business_line";

    public const string PiiReadClaim = "pii:read";

    public static Caller Of(HttpContext context)
    {
        var user = context.User;
        var scopes = user.FindAll(ApiScopes.ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(user.Identity?.Name ?? "anonymous", scopes, user.FindFirstValue(LineClaim),
            user.HasClaim(ApiScopes.ClaimType, PiiReadClaim) || user.HasClaim(PiiReadClaim, "true"));
    }
}
