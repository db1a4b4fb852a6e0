using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace TagCenter.Server.Hosting;

/// <summary>
/// What a credential may do. Every endpoint states the scope it needs with <see cref="RequireScope{TBuilder}"/>;
/// the authentication scheme (<see cref="Governance.ApiKeyHandler"/>: API keys, each with a role) decides who holds
/// which. Every route but <c>/health</c> needs a credential; one without a scope of its own needs any valid key.
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
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, Governance.ApiKeyHandler>(Scheme, null);
        services.AddAuthorization(options =>
        {
            foreach (var scope in All)
                options.AddPolicy(Policy(scope), policy => policy.AddAuthenticationSchemes(Scheme).RequireClaim(ClaimType, scope));
            // An endpoint that forgot RequireScope still needs a credential (and the route enumeration test names it).
            options.FallbackPolicy = new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build();
        });
    }
}
