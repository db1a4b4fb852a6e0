namespace TagCenter.Core.Tags;

/// <summary>What tag rules can read: the person dimension's fields and each fact table's columns, with types.</summary>
public sealed record ModelSchema(
    IReadOnlyDictionary<string, TagValueType> PersonFields,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, TagValueType>> Facts)
{
    /// <summary>The event names fact_events holds; when known, a behaviour function naming another event is an error.</summary>
    public IReadOnlySet<string> Events { get; init; } = new HashSet<string>();

    /// <summary>Behaviour functions name a fact ('orders') or an event ('page_view', a value of fact_events.event).</summary>
    public const string EventFact = "events";

    /// <summary>A person field derived from birthday at the as-of date.</summary>
    public const string Age = "age";
}
