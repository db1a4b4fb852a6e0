using TagCenter.Core.Bitmaps;

namespace TagCenter.Core.Index;

// A rule over the tag index: set algebra over the bitmaps an index holds, plus the predicates it cannot answer
// (evaluated by the engine into a bitmap of person ordinals). The binder writes plans; an ITagIndex answers the
// lookups; IndexPlanExecutor runs them. Kept together so the plan language reads in one place.

/// <summary>A set of persons (by dense ordinal) described as lookups and set operations.</summary>
public abstract record IndexPlan;

/// <summary>Every person the index holds.</summary>
public sealed record AllPlan : IndexPlan;

/// <summary>Nobody.</summary>
public sealed record NonePlan : IndexPlan;

/// <summary>Persons whose tag has exactly this value (enum, bool as "true"/"false", string), in its canonical text.</summary>
public sealed record EqualsPlan(string Tag, string Value) : IndexPlan;

/// <summary>Persons whose tag has a value (is not null).</summary>
public sealed record HasValuePlan(string Tag) : IndexPlan;

/// <summary>
/// Persons whose numeric, date or timestamp tag compares to <paramref name="Value"/> in the index's integer encoding
/// (see <see cref="IndexEncoding"/>): answered by the bit-sliced index without a scan. Only persons with a value can
/// match (a null compares to nothing); the plan builder relies on this and never asks for <see cref="RangeOperator.NotEqual"/>.
/// </summary>
public sealed record RangePlan(string Tag, RangeOperator Operator, long Value) : IndexPlan;

public sealed record AndPlan(IReadOnlyList<IndexPlan> Parts) : IndexPlan;

public sealed record OrPlan(IReadOnlyList<IndexPlan> Parts) : IndexPlan;

/// <summary>Persons in <paramref name="Left"/> and not in <paramref name="Right"/>.</summary>
public sealed record AndNotPlan(IndexPlan Left, IndexPlan Right) : IndexPlan;

/// <summary>A predicate the index cannot answer, evaluated by the engine into a bitmap; <paramref name="Text"/> is for explain.</summary>
public sealed record ScanPlan(string Text, object Predicate) : IndexPlan;

/// <summary>One comparison of a range-indexed value: <c>value op Value</c>, in the index's integer encoding.</summary>
public readonly record struct RangeTest(RangeOperator Operator, long Value);

public enum RangeOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
