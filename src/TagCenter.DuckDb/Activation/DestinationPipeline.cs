using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace TagCenter.DuckDb.Activation;

/// <summary>
/// One destination's Polly pipeline: retry with exponential backoff and jitter, a circuit breaker, a timeout per
/// attempt. Each destination gets its own, so one that fails or hangs never trips another's breaker.
/// </summary>
internal static class DestinationPipeline
{
    public static ResiliencePipeline Build(DispatchOptions options) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(0, options.MaxAttempts - 1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not BrokenCircuitException and not OperationCanceledException || e is TimeoutRejectedException),
        })
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = options.FailureRatio,
            MinimumThroughput = 20,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = options.BreakDuration,
        })
        .AddTimeout(options.Timeout)
        .Build();
}
