namespace TagCenter.DuckDb.Activation;

/// <summary>What one dispatch did: delivered, retried later (a destination's circuit was open), dead-lettered, and each destination's figures.</summary>
public sealed record DispatchReport(int Delivered, int Deferred, int Dead, IReadOnlyList<DestinationReport> Destinations, TimeSpan Elapsed);

public sealed record DestinationReport(string Destination, int Delivered, int Deferred, int Dead, int Attempts, double MeanLatencyMs);
