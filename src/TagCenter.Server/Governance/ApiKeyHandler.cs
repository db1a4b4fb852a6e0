using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TagCenter.Core.Governance;
using TagCenter.Core.Text;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Governance;

/// <summary>
/// Authenticates a request by its API key: <c>Authorization: Bearer tc_…</c>, or HTTP Basic with the key as the user
/// name and an empty password (what Segment SDKs send with a write key). The key is looked up by its SHA-256 (through
/// <see cref="ApiKeyCache"/>); a revoked or unknown key is refused like a missing one (401), a key without the
/// endpoint's scope gets 403. Both
/// answers are ProblemDetails; 401 carries <c>WWW-Authenticate</c> so a browser on <c>/docs</c> asks for the key.
/// </summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string RoleClaim = "role";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // An endpoint open to anyone (Segment ingest checks its write key itself; /health) needs no caller: no lookup per event batch.
        if (Context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null || ReadKey(Request.Headers.Authorization.ToString()) is not { } key)
            return AuthenticateResult.NoResult();
        var record = await keys.FindAsync(ApiKeyText.Hash(key), Context.RequestAborted).ConfigureAwait(false);
        if (record is not { Active: true })
            return AuthenticateResult.Fail("unknown or revoked key");
        var claims = new List<Claim> { new(ClaimTypes.Name, record.Name), new(RoleClaim, Roles.Name(record.Role)), new("key_id", record.Id) };
        claims.AddRange(Roles.Scopes(record.Role).Select(s => new Claim(ApiScopes.ClaimType, s)));
        if (record.BusinessLine is { } line)
            claims.Add(new Claim(Caller.LineClaim, line));
        if (record.PiiRead)
            claims.Add(new Claim(Caller.PiiReadClaim, "true"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiScopes.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiScopes.Scheme));
    }

    /// <summary>The key in a Bearer or Basic (key as user name) header, or null.</summary>
    internal static string? ReadKey(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || string.IsNullOrWhiteSpace(value.Parameter))
            return null;
        if (value.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            return value.Parameter.Trim();
        if (!value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var user = colon < 0 ? text : text[..colon];
            // Some clients put the key in the password with an empty user name.
            return user.Length > 0 ? user : colon >= 0 && text.Length > colon + 1 ? text[(colon + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"TagCenter\", Basic realm=\"TagCenter\"";
        var missing = ReadKey(Request.Headers.Authorization.ToString()) is null;
        await Problems.WriteAsync(Context, 401, "unauthenticated", Texts.T(missing ? "governance.auth.missing" : "governance.auth.invalid")).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>()
            .Where(p => p.StartsWith("scope:", StringComparison.Ordinal)).Select(p => p["scope:".Length..]).ToList() ?? [];
        var caller = Caller.Of(Context);
        await Problems.WriteAsync(Context, 403, "forbidden", Texts.T("governance.auth.scope", string.Join(", ", needed), string.Join(", ", caller.Scopes.Order()))).ConfigureAwait(false);
    }
}
