namespace TagCenter.Core.Analysis;

/// <summary>One step of a funnel: persons who reached it, conversion, and the median time from the previous step.</summary>
/// <param name="FromPrevious">Persons ÷ persons of the previous step (1 for step 1; null when that is 0).</param>
/// <param name="FromFirst">Persons ÷ persons of step 1 (null when that is 0).</param>
/// <param name="MedianFromPrevious">Median over the persons reaching this step of the time since their previous step (null for step 1).</param>
public sealed record FunnelStep(int Number, string Event, long Persons, double? FromPrevious, double? FromFirst, TimeSpan? MedianFromPrevious);

/// <summary>The steps of one group (a value of the dimension; everyone when there is none).</summary>
/// <param name="Value">The dimension's value; <see cref="Dimension.OtherMarker"/> or <see cref="Dimension.NoneMarker"/> for the rest and for no value.</param>
public sealed record FunnelGroup(string? Value, IReadOnlyList<FunnelStep> Steps);

/// <summary>A funnel over everyone in the population, and per value of the dimension when one was given.</summary>
public sealed record FunnelResult(FunnelRequest Request, FunnelGroup Total, IReadOnlyList<FunnelGroup> Groups)
{
    /// <summary>Steps with conversions, from per-step person counts and median times (seconds).</summary>
    public static IReadOnlyList<FunnelStep> Steps(IReadOnlyList<string> events, IReadOnlyList<long> persons, IReadOnlyList<double?> medianSeconds) =>
        [.. events.Select((e, i) => new FunnelStep(i + 1, e, persons[i],
            i == 0 ? (persons[0] > 0 ? 1.0 : null) : Ratio(persons[i], persons[i - 1]),
            Ratio(persons[i], persons[0]),
            i == 0 || medianSeconds[i] is not { } s ? null : TimeSpan.FromSeconds(s)))];

    private static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;
}
