using TagCenter.Core.Expressions.Binding;

namespace TagCenter.Core.Index;

/// <summary><c>did(fact[, event], within: W)</c> on the index's activity columns.</summary>
public static partial class PlanBuilder
{
    /// <summary>
    /// The TRUE set of <paramref name="behaviour"/> from the activity columns, or null when they cannot answer it
    /// exactly: another function, a <c>where:</c>, a count at another as-of than the columns' anchor, a fact or event
    /// without a column, a window that does not end a whole number of days back (12h).
    /// </summary>
    private static IndexPlan? Did(BoundBehaviour behaviour, ITagIndex index, DateTime? asOf)
    {
        if (behaviour is not { Function: "did", Where: null } || asOf is null || index.ActivityAnchor != asOf)
            return null;
        var code = ActivityColumns.Code(behaviour.Fact, behaviour.Event);
        if (index.Find(code) is not { Kind: IndexedAs.Range })
            return null;
        if (behaviour.Within is not { } window)
            return new HasValuePlan(code);
        return ActivityColumns.Threshold(asOf.Value, window) is { } days ? new RangePlan(code, RangeOperator.Less, days) : null;
    }
}
