using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TagCenter.Server.Consumer;

namespace TagCenter.Server.Ingest;

/// <summary>The ingest feature's services: options, the write side (log, dedupe, keys), the consumer and its progress.</summary>
public static class IngestServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(new IngestOptions());
        services.AddSingleton<IngestService>();
        services.AddSingleton<IngestProgress>();
        services.AddHostedService<EventConsumer>();
        // Browser SDKs (analytics.js, RudderStack's) post from the shop's own origin with an Authorization header, so
        // the browser asks first (a preflight). A write key is public in every page that sends events, so any origin
        // may send; nothing is read back but {"success": true}. The resource API stays same-origin (no policy).
        services.AddCors(o => o.AddPolicy(IngestEndpoints.CorsPolicy, policy =>
            policy.AllowAnyOrigin().AllowAnyHeader().WithMethods("POST").SetPreflightMaxAge(TimeSpan.FromDays(1))));
    }
}
