using System.Security.Cryptography;
using System.Text;
using TagCenter.Core.Activation;

namespace TagCenter.DuckDb.Activation;

/// <summary>Where a delivery is: waiting, sent, given up on, or never sent because of a policy.</summary>
public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";
    public const string SkippedCap = "skipped_cap";
    public const string SkippedConsent = "skipped_consent";

    /// <summary>Every status, in the order a delivery passes through them.</summary>
    public static readonly IReadOnlyList<string> All = [Pending, Delivered, Dead, SkippedCap, SkippedConsent];

    /// <summary>
    /// Counts per status with every status present (zero when none), so a report has one shape whatever the
    /// outbox holds: a trigger deferred by quiet hours shows <c>delivered: 0</c>, not a missing key.
    /// </summary>
    public static Dictionary<string, long> Complete(IReadOnlyDictionary<string, long>? counts) =>
        All.Concat(counts?.Keys.Except(All) ?? []).ToDictionary(s => s, s => counts?.GetValueOrDefault(s) ?? 0, StringComparer.Ordinal);
}

/// <summary>
/// One delivery in the outbox: an action of an occurrence, with its idempotency <see cref="Key"/> (trigger, person,
/// occurrence, action), what to send (<see cref="Payload"/>, JSON), and how it went (status, attempts, latency).
/// </summary>
public sealed record OutboxItem
{
    public long Id { get; init; }

    public required string Key { get; init; }

    public required string Trigger { get; init; }

    public required string Person { get; init; }

    public required string Occurrence { get; init; }

    public required TriggerAction Action { get; init; }

    public required string Payload { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public string Status { get; init; } = DeliveryStatus.Pending;

    public int Attempts { get; init; }

    public string? LastError { get; init; }

    public double? LatencyMs { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    public string Destination => Action.Destination;

    /// <summary>The id a receiver dedupes on: the same for every attempt and replay of this key, ASCII for a header.</summary>
    public string DeliveryId => DeliveryIdOf(Key);

    public static string DeliveryIdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
}
