namespace TagCenter.DuckDb.Segments;

public enum SegmentChangeAction
{
    Added,
    Changed,
    Removed,

    /// <summary>The rule is the same but a tag it reads is added or changed.</summary>
    Affected,

    /// <summary>The file newly says <c>deprecated:</c> (the rule stays); apply publishes it.</summary>
    Deprecated,
}

/// <summary>One segment in a plan: its size at its last evaluation and with the files' rules and tags (null: cannot be known).</summary>
public sealed record SegmentChange(SegmentChangeAction Action, string Name, string? File, string? RuleBefore, string? RuleAfter, long? SizeBefore, long? SizeAfter);
