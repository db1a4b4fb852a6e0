using TagCenter.Core.Text;

namespace TagCenter.Core.Analysis;

/// <summary>
/// Paths around an event: for every occurrence of <see cref="Event"/> (the anchor) by a person, the next (or
/// previous) <see cref="Depth"/> events of the same person in time order (ties by event name), keeping only events
/// within <see cref="Within"/> of the anchor; a path that stops early ends there. Paths are counted per occurrence,
/// and the share is of all anchors. Repeated events are kept as they are (page_view → page_view).
/// </summary>
public sealed record PathsRequest(string Event, bool Next, int Depth, int Top, TimeSpan Within)
{
    public const int MaxDepth = 10;

    /// <summary>Anchors from this time on (inclusive); null: from the first event.</summary>
    public DateTime? From { get; init; }

    /// <summary>Anchors before this time (exclusive).</summary>
    public DateTime? To { get; init; }

    public Population Population { get; init; } = Population.Everyone;

    /// <summary>Usage errors for a depth, a top or a range that cannot be (the event is checked against the log by the engine).</summary>
    public void Validate()
    {
        if (Depth is < 1 or > MaxDepth)
            throw new AnalysisInputException(Texts.T("analysis.depth.bad", Depth, MaxDepth));
        if (Top < 1)
            throw new AnalysisInputException(Texts.T("analysis.top.bad", Top));
        if (Within <= TimeSpan.Zero)
            throw new AnalysisInputException(Texts.T("analysis.window.bad", Within, ""));
        if (From is { } from && To is { } to && from >= to)
            throw new AnalysisInputException(Texts.T("analysis.range.bad", from, to));
    }
}

/// <summary>One path: the events after (or before) the anchor, nearest first; fewer than the depth when the person stopped.</summary>
public sealed record PathSequence(IReadOnlyList<string> Events, long Count, double Share);

/// <summary>The most frequent paths around the anchor event, and how many anchors there were.</summary>
public sealed record PathsResult(PathsRequest Request, long Anchors, IReadOnlyList<PathSequence> Paths);
