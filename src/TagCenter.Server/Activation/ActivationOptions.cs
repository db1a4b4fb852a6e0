using System.Globalization;
using TagCenter.DuckDb.Activation;

namespace TagCenter.Server.Activation;

/// <summary>
/// How the server's outbox dispatcher works: the dispatcher's retry policy, the longest sleep between looks at the
/// outbox, and how long shutdown waits for deliveries in flight. Operators tune attempts and backoff with
/// <c>TAGCENTER_ACTIVATION_MAX_ATTEMPTS</c> and <c>TAGCENTER_ACTIVATION_BASE_DELAY_MS</c>.
/// </summary>
public sealed record ActivationOptions
{
    /// <summary>The dispatcher's policy; a server keeps more webhooks in flight per destination than a CLI run (real-time traffic arrives continuously).</summary>
    public DispatchOptions Dispatch { get; init; } = new() { PerDestination = 32 };

    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The defaults, with attempts and base delay from the environment when set.</summary>
    public static ActivationOptions FromEnvironment(Func<string, string?> variable)
    {
        var dispatch = new ActivationOptions().Dispatch;
        if (int.TryParse(variable("TAGCENTER_ACTIVATION_MAX_ATTEMPTS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var attempts) && attempts > 0)
            dispatch = dispatch with { MaxAttempts = attempts };
        if (int.TryParse(variable("TAGCENTER_ACTIVATION_BASE_DELAY_MS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0)
            dispatch = dispatch with { BaseDelay = TimeSpan.FromMilliseconds(ms) };
        return new ActivationOptions { Dispatch = dispatch };
    }
}
