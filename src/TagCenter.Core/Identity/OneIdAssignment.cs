namespace TagCenter.Core.Identity;

/// <summary>
/// Which OneID each resolved node carries. Ids are numbered by age: <c>0..previousCount-1</c> are the
/// previous run's (oldest first), <c>previousCount..</c> are new, issued oldest person first.
/// </summary>
/// <param name="Id">Per node, its person's id.</param>
/// <param name="NewAnchors">Per new id (offset by previousCount), the anchor node of the person that got it.</param>
/// <param name="Merges">A previous id that retired because its identifiers now sit in a person with an older id.</param>
/// <param name="Splits">A person holding part of a previous id's identifiers that did not keep it.</param>
public sealed record OneIdAssignment(
    int[] Id,
    int PreviousCount,
    int[] NewAnchors,
    IReadOnlyList<OneIdMerge> Merges,
    IReadOnlyList<OneIdSplit> Splits);

/// <summary><paramref name="Retired"/> was merged into <paramref name="Survivor"/>.</summary>
public readonly record struct OneIdMerge(int Retired, int Survivor);

/// <summary>The person now called <paramref name="Part"/> split off <paramref name="From"/>.</summary>
public readonly record struct OneIdSplit(int Part, int From);
