using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;
using TagCenter.Stores;

namespace TagCenter.Server.Governance;

/// <summary>
/// Governance's services: the control store (<see cref="ServerOptions.Store"/>, SQLite in the workspace by default),
/// the data policy, the hash-chained audit log, and the OpenAPI document's security scheme with each operation's
/// required scope (<c>x-required-scope</c>).
/// </summary>
internal static class GovernanceServices
{
    public const string ScopeExtension = "x-required-scope";

    public static void Add(IServiceCollection services, ServerOptions options)
    {
        services.AddSingleton<IControlStore>(sp => ControlStores.OpenAsync(options.Store, options.WorkspaceRoot, CancellationToken.None).GetAwaiter().GetResult());
        services.AddSingleton(sp => new ApiKeyCache(sp.GetRequiredService<IControlStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new Accounts(sp.GetRequiredService<IControlStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ApiKeyCache>().Flush));
        services.AddHttpContextAccessor();
        // 401 and 403 are answers, not events worth a log line each.
        services.AddLogging(b => b.AddFilter(typeof(ApiKeyHandler).FullName, LogLevel.Warning));
        services.AddSingleton<PiiFields>();
        services.AddSingleton<PiiReads>();
        services.AddSingleton<UsageCounter>().AddHostedService(sp => sp.GetRequiredService<UsageCounter>());
        services.AddSingleton<Profiles.ProfileServing>().AddHostedService(sp => sp.GetRequiredService<Profiles.ProfileServing>());
        services.AddSingleton<IDataPolicy, GovernedDataPolicy>();
        services.AddSingleton<IAuditLog, StoreAuditLog>();
        services.AddSingleton<Drafts.DraftReview>();
        services.AddSingleton<IngestCredentials>();
        services.Configure<OpenApiOptions>("v1", o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["api_key"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API key (tc_…) from `tagcenter keys create`; Basic with the key as user name also works.",
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var scopes = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>()
                    .Where(p => p.StartsWith("scope:", StringComparison.Ordinal)).Select(p => p["scope:".Length..]).ToList();
                var anonymous = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions[ScopeExtension] = new JsonNodeExtension(anonymous ? JsonValue.Create("none") : JsonValue.Create(scopes.Count > 0 ? scopes[0] : "any"));
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>After authorization: one audit row per request that returned unmasked personal data.</summary>
    public static void Use(WebApplication app) => app.Use(PiiReads.RecordAfterAsync);
}
