using System.Text.Json;

namespace TagCenter.Client;

/// <summary>A trigger in the list: its condition and actions as text, cap, quiet hours, consent and deliveries per status.</summary>
public sealed record TriggerSummary(string Name, string When, string Kind, IReadOnlyList<string> Actions, string? Cap, string? QuietHours, string? Consent,
    string? File, IReadOnlyDictionary<string, long> Deliveries);

/// <summary>A trigger in full: its actions as declared, its deliveries per status and its latest deliveries.</summary>
public sealed record TriggerDetail(string Name, string? Description, string When, JsonElement Actions, string? Cap, string? QuietHours, string? Consent,
    string? File, IReadOnlyDictionary<string, long> Counts, IReadOnlyList<Delivery> Deliveries);

/// <summary>
/// One delivery of a trigger's action to a person: where to, how it went (<c>pending</c>, <c>delivered</c>, <c>dead</c>,
/// <c>skipped_cap</c>, <c>skipped_consent</c>), the attempts and, for one delivery, each try.
/// </summary>
public sealed record Delivery(long Id, string DeliveryId, string Trigger, string Person, string? Occurrence, string Destination, string Status,
    int Attempts, double? LatencyMs, DateTimeOffset? DueAt, DateTimeOffset? DeliveredAt, string? Error, IReadOnlyList<DeliveryTry>? Tries);

public sealed record DeliveryTry(int Attempt, bool Ok, double LatencyMs, string? Error, DateTimeOffset At);
