namespace TagCenter.Core.Workspace;

/// <summary>What happens to a row whose value fails its column's standardiser or checks.</summary>
public enum InvalidValueAction
{
    /// <summary>The whole row goes to quarantine (default).</summary>
    Quarantine,

    /// <summary>The value becomes null, the row is kept, and the raw value is recorded in quarantine as a nulled value.</summary>
    Null,
}
