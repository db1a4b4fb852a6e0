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
    }
}
