using TagCenter.Core.Activation;
using TagCenter.Core.Realtime;

namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// What one batch of events changed: the tag values written (as the run <see cref="TagRun"/>, null when none
/// changed), the segment entries and exits recorded, and the rows the bitmap index must be patched with.
/// </summary>
public sealed record RealtimeOutcome(
    int Persons,
    string? TagRun,
    int TagChanges,
    IReadOnlyList<MembershipChange> Memberships,
    IReadOnlyList<IndexPatch> Patches)
{
    /// <summary>
    /// The same changes per person for triggers: entered/left a segment, a tag value before → after (the history's
    /// text). The occurrence names the batch that caused it as the history does (<c>s&lt;seq&gt;</c>: the segment
    /// evaluation of type realtime; <c>r&lt;run&gt;</c>: the realtime tag run), so the trigger pass that later reads the
    /// same history hands in the same occurrence and nothing is delivered twice.
    /// </summary>
    public IReadOnlyList<PersonChange> Changes { get; init; } = [];

    /// <summary>The activity columns of the persons the batch touched (when asked for), to lay over the index with <see cref="Patches"/>.</summary>
    public IReadOnlyList<ActivityPatch> Activity { get; init; } = [];

    public static RealtimeOutcome None { get; } = new(0, null, 0, [], []);
}
