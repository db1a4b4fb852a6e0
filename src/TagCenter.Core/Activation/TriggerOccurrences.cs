using System.Globalization;

namespace TagCenter.Core.Activation;

/// <summary>
/// Decides, from what changed, which triggers fire: enters/leaves a segment, a rule becoming true (its rule is
/// evaluated as a segment, so "true now and not before" is "entered"), a number tag crossing a value upwards, a
/// segment's size moving by more than a percentage. Pure: the same changes always give the same occurrences.
/// </summary>
public static class TriggerOccurrences
{
    /// <summary>The name of the segment standing for a rule trigger's rule ('/' cannot appear in a declared segment's name).</summary>
    public static string RuleSegment(string trigger) => "trigger/" + trigger;

    /// <summary>The occurrences of the per-person <paramref name="triggers"/> among <paramref name="changes"/>, in order.</summary>
    public static IReadOnlyList<Occurrence> Decide(IReadOnlyList<TriggerDefinition> triggers, IReadOnlyList<PersonChange> changes, Func<string, string>? tagName = null)
    {
        var result = new List<Occurrence>();
        foreach (var trigger in triggers.Where(t => t.When.PerPerson))
            foreach (var change in changes)
                if (Fires(trigger, change, tagName) is { } detail)
                    result.Add(new Occurrence(trigger.Name, change.Person, change.Occurrence, change.At, detail));
        return result;
    }

    /// <summary>Why <paramref name="change"/> fires <paramref name="when"/> (a short detail for the payload), or null.</summary>
    public static string? Fires(TriggerDefinition trigger, PersonChange change, Func<string, string>? tagName = null) =>
        Fires(trigger.When, trigger.Name, change, tagName);

    private static string? Fires(TriggerCondition when, string trigger, PersonChange change, Func<string, string>? tagName) => when.Kind switch
    {
        TriggerKind.Enters when change is { Kind: ChangeKind.Entered } && change.Name == when.Segment => "entered " + when.Segment,
        TriggerKind.Leaves when change is { Kind: ChangeKind.Left } && change.Name == when.Segment => "left " + when.Segment,
        TriggerKind.Rule when change is { Kind: ChangeKind.Entered } && change.Name == RuleSegment(trigger) => "rule became true",
        TriggerKind.Crosses when change.Kind == ChangeKind.TagChanged && (tagName?.Invoke(change.Name) ?? change.Name) == when.Tag
            && Below(change.Before, when.Threshold!.Value) && !Below(change.After, when.Threshold.Value) && change.After is not null
            => $"{when.Tag} {change.Before ?? "∅"} → {change.After} ≥ {when.Threshold.Value.ToString(CultureInfo.InvariantCulture)}",
        _ => null,
    };

    /// <summary>Whether a segment moved by more than its alert's percentage; the change in percent, or null.</summary>
    public static decimal? SizeAlert(TriggerCondition when, long before, long after)
    {
        if (when.Kind != TriggerKind.SizeChange)
            return null;
        if (before == 0)
            return after == 0 ? null : 100m;
        var percent = (after - before) * 100m / before;
        return Math.Abs(percent) > when.Percent!.Value ? Math.Round(percent, 2) : null;
    }

    /// <summary>Null or unreadable counts as below (a person with no value yet who gets one at or above has crossed).</summary>
    private static bool Below(string? value, decimal threshold) =>
        value is null || !decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < threshold;
}
