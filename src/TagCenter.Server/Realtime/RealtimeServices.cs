using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TagCenter.Server.Realtime;

/// <summary>The real-time feature's services: the evaluator as an applied-events listener, and the segment stream.</summary>
public static class RealtimeServices
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(new RealtimeOptions());
        services.AddSingleton<SegmentFeed>();
        services.AddSingleton<LiveRealtime>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveRealtime>());
        services.AddSingleton<RealtimeListener>();
        services.AddSingleton<IAppliedEventsListener>(sp => sp.GetRequiredService<RealtimeListener>());
    }
}
