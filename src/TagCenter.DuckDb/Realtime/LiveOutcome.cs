using TagCenter.Core.Realtime;

namespace TagCenter.DuckDb.Realtime;

/// <summary>One event as the durable log holds it: its source, log offset (the row's <c>_line</c>), arrival and JSON (UTF-8).</summary>
public sealed record LiveEvent(string Source, long Offset, DateTimeOffset Arrived, ReadOnlyMemory<byte> Payload);

/// <summary>One person the live path re-evaluated: when their earliest event arrived, the tag values that changed, the segments entered and left.</summary>
public sealed record LiveUpdate(string OneId, DateTimeOffset At, IReadOnlyDictionary<string, object?> Changed, IReadOnlyList<string> Entered, IReadOnlyList<string> Left);

/// <summary>What the live path did with a batch: rows it placed, rows it left to the committed path, the persons' updates, the index rows to lay over.</summary>
public sealed record LiveOutcome(int Placed, int Deferred, IReadOnlyList<LiveUpdate> Updates, IReadOnlyList<IndexPatch> Patches)
{
    /// <summary>Persons read from the engine for this batch (first seen).</summary>
    public int Loaded { get; init; }

    /// <summary>The log offsets of the events placed.</summary>
    public IReadOnlyList<long> Offsets { get; init; } = [];
}
