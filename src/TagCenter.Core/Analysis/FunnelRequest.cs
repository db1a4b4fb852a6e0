using TagCenter.Core.Diagnostics;
using TagCenter.Core.Text;

namespace TagCenter.Core.Analysis;

/// <summary>
/// A funnel: ordered event steps within a window. A person enters at their first step-1 event in
/// [<see cref="From"/>, <see cref="To"/>); each next step is that person's earliest event of the step strictly after
/// the previous step and no later than the entry time plus <see cref="Within"/> (later steps may fall after
/// <see cref="To"/>). Taking the earliest event per step is never worse than any other choice, so a person reaches
/// step k exactly when some ordered chain of k events starting at the entry exists. Repeating a step's event does
/// not count twice; doing a step before the previous one does not count.
/// </summary>
public sealed record FunnelRequest(IReadOnlyList<string> Steps, TimeSpan Within)
{
    /// <summary>The most steps a funnel may have.</summary>
    public const int MaxSteps = 20;

    /// <summary>Entries from this time on (inclusive); null: from the first event.</summary>
    public DateTime? From { get; init; }

    /// <summary>Entries before this time (exclusive); null: up to the last event.</summary>
    public DateTime? To { get; init; }

    public Population Population { get; init; } = Population.Everyone;

    public Dimension? By { get; init; }

    /// <summary>
    /// Checks the steps against the events the data holds: at least two steps (a usage error), each a known event
    /// (<see cref="NotFoundException"/> listing the known ones, with a suggestion), a positive window, From before To.
    /// </summary>
    public void Validate(IReadOnlyCollection<string> knownEvents)
    {
        if (Steps.Count < 2)
            throw new AnalysisInputException(Texts.T("analysis.funnel.steps", Steps.Count));
        if (Steps.Count > MaxSteps)
            throw new AnalysisInputException(Texts.T("analysis.funnel.toomany", Steps.Count, MaxSteps));
        if (Within <= TimeSpan.Zero)
            throw new AnalysisInputException(Texts.T("analysis.window.bad", Within, ""));
        if (From is { } from && To is { } to && from >= to)
            throw new AnalysisInputException(Texts.T("analysis.range.bad", from, to));
        foreach (var step in Steps)
            KnownEvent(step, knownEvents);
    }

    /// <summary>Throws <see cref="NotFoundException"/> when <paramref name="name"/> is not one of <paramref name="knownEvents"/>.</summary>
    public static void KnownEvent(string name, IReadOnlyCollection<string> knownEvents)
    {
        if (knownEvents.Contains(name))
            return;
        var hint = Suggest.Closest(name, knownEvents) is { } best ? Texts.T("analysis.didyoumean", best) : Texts.T("analysis.sentence.end");
        var list = string.Join(", ", knownEvents.Order(StringComparer.Ordinal).Take(50));
        throw new NotFoundException(Texts.T("analysis.event.unknown", name, hint, list));
    }
}
