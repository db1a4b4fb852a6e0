using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace TagCenter.Client;

/// <summary>
/// Which calls are sent again, and when: a 5xx, 408, 429 or a transport error, with exponential backoff and
/// jitter; never a 4xx (the request itself is wrong). A POST that changes something is sent once, unless it is
/// safe to repeat (ingest carries messageIds the server deduplicates; counts and analyses only read).
/// </summary>
public static class TagCenterRetry
{
    /// <summary>Set on a request that may be sent again (every GET, PUT and DELETE; a POST only when it reads or carries messageIds).</summary>
    public static HttpRequestOptionsKey<bool> Repeatable { get; } = new("TagCenter.Repeatable");

    /// <summary>Applies TagCenter's rules to the retry strategy of a resilience handler.</summary>
    public static void Configure(HttpRetryStrategyOptions retry, TagCenterClientOptions options)
    {
        retry.MaxRetryAttempts = Math.Max(0, options.MaxRetries);
        retry.Delay = options.RetryDelay;
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.UseJitter = true;
        retry.ShouldHandle = args =>
        {
            var request = args.Outcome.Result?.RequestMessage ?? args.Context.GetRequestMessage();
            var repeat = HttpClientResiliencePredicates.IsTransient(args.Outcome) && request is not null && MayRepeat(request);
            return ValueTask.FromResult(repeat);
        };
    }

    /// <summary>Whether <paramref name="request"/> may be sent again: a method that is idempotent by HTTP, or a request marked <see cref="Repeatable"/>.</summary>
    public static bool MayRepeat(HttpRequestMessage request) =>
        request.Options.TryGetValue(Repeatable, out var marked) ? marked : request.Method != HttpMethod.Post && request.Method != HttpMethod.Patch;
}
