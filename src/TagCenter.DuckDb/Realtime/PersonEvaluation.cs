using TagCenter.Core.Realtime;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;

namespace TagCenter.DuckDb.Realtime;

/// <summary>One person's data as the real-time evaluators read it: golden record (null: not a person), stored tag values, current segments, fact rows by fact name.</summary>
internal sealed record PersonState(
    IReadOnlyDictionary<string, object?>? Golden,
    IReadOnlyDictionary<string, object?>? Stored,
    IReadOnlySet<string> Segments,
    IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, object?>>> Facts);

/// <summary>
/// Re-evaluates one person with the in-memory <see cref="TagEvaluator"/>: the real-time tags (and what reads them) over
/// their golden record and facts, then every dynamic segment over the tags as they now are. The committed path
/// (<see cref="RealtimeEvaluator"/>) and the live path (<see cref="LiveEvaluator"/>) both go through here, so they
/// cannot disagree on what a person's data means.
/// </summary>
internal static class PersonEvaluation
{
    /// <summary>What changed for <paramref name="oneId"/>, and the stored row after (null when no longer a person).</summary>
    public static (PersonUpdate Update, Dictionary<string, object?>? After) Evaluate(RealtimeContext context, string oneId, DateTimeOffset at, PersonState person, DateTime asOf)
    {
        var before = person.Stored;
        if (person.Golden is not { } fields)
        {
            // Not a person (any more): a run would drop their values and a segment pass their memberships.
            return (new PersonUpdate(oneId, at, false, before is not null, new Dictionary<string, object?>(), [], [.. person.Segments]), null);
        }
        var data = new PersonData(fields, person.Facts) { Tags = before ?? new Dictionary<string, object?>() };
        var after = new Dictionary<string, object?>(before ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
        var changed = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (context.Tags is { } tags)
        {
            var values = TagEvaluator.Evaluate(tags, data, asOf);
            foreach (var tag in context.Stored)
            {
                var value = values[tag.Code];
                if (!TagValues.Same(value, after.GetValueOrDefault(tag.Code)))
                    changed[tag.Code] = value;
                after[tag.Code] = value;
            }
        }
        var entered = new List<string>();
        var left = new List<string>();
        if (context.SegmentRules is { } rules)
        {
            var inNow = TagEvaluator.Evaluate(rules, data with { Tags = after }, asOf);
            for (var i = 0; i < context.Segments.Count; i++)
            {
                var name = context.Segments[i].Name;
                var member = inNow[SegmentRule.Code(i)] is true;
                if (member && !person.Segments.Contains(name))
                    entered.Add(name);
                else if (!member && person.Segments.Contains(name))
                    left.Add(name);
            }
        }
        return (new PersonUpdate(oneId, at, true, before is not null, changed, entered, left), after);
    }
}
