using TagCenter.Core.Tags;

namespace TagCenter.Core.Expressions.Binding;

// The bound tree: a parsed rule with every name resolved (a tag, a person field, a fact column), every node typed
// and every window read once. SQL, the in-memory evaluator and the bitmap plan all walk this one tree, so none of
// them looks a name up or reads a window again. Kept together so it reads as the language does.

/// <summary>A resolved, typed node; <paramref name="Span"/> points into the rule text for messages.</summary>
public abstract record BoundNode(TagValueType Type, TextSpan Span);

/// <summary>A constant: null, bool, a number (decimal; typed Int when whole), or a string.</summary>
public sealed record BoundLiteral(object? Value, TagValueType Type, TextSpan Span) : BoundNode(Type, Span);

/// <summary>Another tag's value.</summary>
public sealed record BoundTag(TagDefinition Tag, TextSpan Span) : BoundNode(Tag.Type, Span);

/// <summary>A golden-record field of the person (age: derived from birthday at the as-of date).</summary>
public sealed record BoundPersonField(string Field, TagValueType Type, TextSpan Span) : BoundNode(Type, Span);

/// <summary>A column of the fact row a behaviour function's <c>where:</c> is looking at.</summary>
public sealed record BoundFactColumn(string Fact, string Column, TagValueType Type, TextSpan Span) : BoundNode(Type, Span);

/// <summary><c>not x</c> (three-valued: not null is null).</summary>
public sealed record BoundNot(BoundNode Operand, TextSpan Span) : BoundNode(TagValueType.Bool, Span);

/// <summary><c>- x</c>.</summary>
public sealed record BoundNegate(BoundNode Operand, TagValueType Type, TextSpan Span) : BoundNode(Type, Span);

/// <summary><c>and</c> / <c>or</c> (three-valued, as SQL).</summary>
public sealed record BoundLogical(bool IsAnd, BoundNode Left, BoundNode Right, TextSpan Span) : BoundNode(TagValueType.Bool, Span);

/// <summary><c>+ - * /</c>; division is by a double and by zero gives null.</summary>
public sealed record BoundArithmetic(string Operator, BoundNode Left, BoundNode Right, TagValueType Type, TextSpan Span) : BoundNode(Type, Span);

/// <summary><c>= != &lt; &lt;= &gt; &gt;=</c>.</summary>
public sealed record BoundCompare(string Operator, BoundNode Left, BoundNode Right, TextSpan Span) : BoundNode(TagValueType.Bool, Span);

/// <summary><c>list contains 'x'</c> or <c>text contains 'x'</c>.</summary>
public sealed record BoundContains(BoundNode Left, BoundNode Right, bool IsList, TextSpan Span) : BoundNode(TagValueType.Bool, Span);

public sealed record BoundBetween(BoundNode Value, BoundNode Low, BoundNode High, bool Negated, TextSpan Span) : BoundNode(TagValueType.Bool, Span);

public sealed record BoundIn(BoundNode Value, IReadOnlyList<BoundNode> Items, bool Negated, TextSpan Span) : BoundNode(TagValueType.Bool, Span);

public sealed record BoundIsNull(BoundNode Value, bool Negated, TextSpan Span) : BoundNode(TagValueType.Bool, Span);

public sealed record BoundCase(IReadOnlyList<(BoundNode When, BoundNode Then)> Branches, BoundNode? Else, TagValueType Type, TextSpan Span) : BoundNode(Type, Span);

/// <summary>coalesce, greatest, least, round.</summary>
public sealed record BoundScalarCall(string Function, IReadOnlyList<BoundNode> Arguments, TagValueType Type, TextSpan Span) : BoundNode(Type, Span);

/// <summary>
/// A behaviour function over one fact: <c>count('orders', within: 30d, where: amount &gt; 100)</c>. An event name
/// (<c>'page_view'</c>) reads <see cref="ModelSchema.EventFact"/> filtered to that event (<paramref name="Event"/>).
/// </summary>
public sealed record BoundBehaviour(string Function, string Fact, string? Event, string? Column, Window? Within,
    BoundNode? Where, TagValueType Type, TextSpan Span) : BoundNode(Type, Span);

/// <summary>What a node that failed to bind becomes (its diagnostic is already recorded).</summary>
public sealed record BoundError(TextSpan Span) : BoundNode(TagValueType.Unknown, Span);

/// <summary>A bound rule: the tree, the tags it reads, the data it reads (fact.column, dim_person.field) and the problems.</summary>
public sealed record BoundRule(BoundNode Root, IReadOnlyList<string> Dependencies, IReadOnlyList<string> Reads,
    IReadOnlyList<ExpressionDiagnostic> Diagnostics)
{
    public bool Success => Diagnostics.Count == 0;
}
