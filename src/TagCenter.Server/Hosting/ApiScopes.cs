using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TagCenter.Server.Hosting;

/// <summary>
/// What a credential may do. Every endpoint states the scope it needs with <see cref="RequireScope{TBuilder}"/>;
/// the authentication scheme decides who holds which scopes (governance: users, roles and API keys).
/// </summary>
public static class ApiScopes
{
    /// <summary>Send events (Segment write keys).</summary>
    public const string Ingest = "ingest";

    /// <summary>Read tags, segments, analyses, profiles, models.</summary>
    public const string Read = "read";

    /// <summary>Change segments, start runs, plan and apply.</summary>
    public const string Write = "write";

    /// <summary>Users, keys, settings.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Ingest, Read, Write, Admin];

    public const string Scheme = "TagCenter";

    public const string ClaimType = "scope";

    /// <summary>The endpoint needs a credential holding <paramref name="scope"/>.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Policy(scope));

    internal static string Policy(string scope) => "scope:" + scope;

    internal static void Add(IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, OpenAccessHandler>(Scheme, null);
        services.AddAuthorization(options =>
        {
            foreach (var scope in All)
                options.AddPolicy(Policy(scope), policy => policy.AddAuthenticationSchemes(Scheme).RequireClaim(ClaimType, scope));
        });
    }
}

/// <summary>
/// Until users and API keys exist (governance), the server is open: every request acts as the local operator with
/// every scope. That is why <c>tagcenter serve</c> listens on loopback unless told otherwise.
/// </summary>
internal sealed class OpenAccessHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var claims = ApiScopes.All.Select(s => new Claim(ApiScopes.ClaimType, s)).Append(new Claim(ClaimTypes.Name, "local"));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiScopes.Scheme));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, ApiScopes.Scheme)));
    }
}
