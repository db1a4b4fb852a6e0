using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TagCenter.Server.Realtime;

namespace TagCenter.Server.Activation;

/// <summary>Activation's services: the one store and declarations, triggers on the real-time path, the continuous outbox dispatcher.</summary>
public static class ActivationServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(_ => ActivationOptions.FromEnvironment(Environment.GetEnvironmentVariable));
        services.AddSingleton<ActivationState>();
        services.AddSingleton<RealtimeTriggers>();
        services.AddSingleton<IRealtimeChangesListener>(sp => sp.GetRequiredService<RealtimeTriggers>());
        services.AddSingleton<OutboxDispatcher>().AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
    }
}
