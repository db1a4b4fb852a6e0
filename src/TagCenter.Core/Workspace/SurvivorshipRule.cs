namespace TagCenter.Core.Workspace;

public enum SurvivorshipRule
{
    /// <summary>The first source in <c>from</c> that has a value (most recent within it).</summary>
    SourcePriority,

    /// <summary>The value from the most recent row (by the source's event time).</summary>
    MostRecent,

    /// <summary>The value seen most often (ties: the most recent).</summary>
    MostFrequent,

    /// <summary>The earliest non-empty value.</summary>
    FirstNonEmpty,
}
