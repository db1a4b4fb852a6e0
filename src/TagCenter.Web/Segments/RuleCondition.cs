namespace TagCenter.Web.Segments;

/// <summary>
/// One condition of the segment builder, as the user fills it in: a tag with an operator and values (from the tag's
/// enum set, a number, a range), or a behaviour (did an event, or did it at least N times, within a window).
/// Mutable because the builder's inputs bind to it; <see cref="RuleWriter"/> turns it into rule text.
/// </summary>
public sealed class RuleCondition
{
    public bool IsBehaviour { get; set; }

    public string? Tag { get; set; }

    /// <summary>The tag holds numbers or booleans: values that are numbers (or true/false) are written bare, everything else quoted.</summary>
    public bool Numeric { get; set; }

    public RuleOperator Operator { get; set; } = RuleOperator.Equal;

    /// <summary>The value for =, ≠, &gt;, …; the low end of a range.</summary>
    public string? Value { get; set; }

    /// <summary>The high end of a range.</summary>
    public string? High { get; set; }

    /// <summary>The values of <c>in</c> / <c>not in</c> (picked from the enum set).</summary>
    public IReadOnlyCollection<string> Values { get; set; } = [];

    /// <summary>The event of a behaviour condition (<c>did('orders', within: 30d)</c>).</summary>
    public string? Event { get; set; }

    public int WithinDays { get; set; } = 30;

    /// <summary>At least this many times (<c>count(…) &gt;= n</c>); null or 1 means at least once (<c>did</c>).</summary>
    public int? AtLeast { get; set; }

    /// <summary>The condition is negated (<c>not …</c>).</summary>
    public bool Not { get; set; }
}
