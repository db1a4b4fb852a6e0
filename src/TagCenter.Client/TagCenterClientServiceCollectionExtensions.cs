using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace TagCenter.Client;

/// <summary>
/// <c>services.AddTagCenterClient(…)</c>: <see cref="TagCenterClient"/> as a typed <see cref="HttpClient"/> from the
/// factory (pooled handlers, DNS changes seen) with the standard resilience handler, its retry following
/// <see cref="TagCenterRetry"/> (5xx, 408, 429 and transport errors, backoff with jitter; never a 4xx, never a POST
/// that changes something, except ingest).
/// </summary>
public static class TagCenterClientServiceCollectionExtensions
{
    public static IHttpClientBuilder AddTagCenterClient(this IServiceCollection services, Action<TagCenterClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new TagCenterClientOptions();
        configure(options);
        return services.AddTagCenterClient(options);
    }

    public static IHttpClientBuilder AddTagCenterClient(this IServiceCollection services, TagCenterClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kept = options.Copy();
        Func<HttpClient, IServiceProvider, TagCenterClient> create = (http, _) => new TagCenterClient(http, kept);
        var builder = services.AddHttpClient(nameof(TagCenterClient));
        builder.AddTypedClient(create);
        builder.ConfigureHttpClient(http =>
        {
            if (kept.BaseAddress is not null)
                http.BaseAddress = TagCenterClient.Base(kept.BaseAddress);
            // The resilience handler's total timeout governs a call; the client's own would cut its retries short.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.AddStandardResilienceHandler(o =>
        {
            TagCenterRetry.Configure(o.Retry, kept);
            o.TotalRequestTimeout.Timeout = kept.Timeout;
            o.AttemptTimeout.Timeout = kept.Timeout;
            // The circuit breaker's window must be at least twice an attempt's timeout.
            o.CircuitBreaker.SamplingDuration = kept.Timeout * 2;
        });
        return builder;
    }
}
