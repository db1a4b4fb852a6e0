namespace TagCenter.Core.Expressions;

// The syntax tree: one small closed hierarchy, kept together so it reads as the grammar does.

/// <summary>A node of a parsed expression, with the text it came from.</summary>
public abstract record ExpressionNode(TextSpan Span);

public sealed record LiteralNode(object? Value, LiteralKind Kind, TextSpan Span) : ExpressionNode(Span);

public enum LiteralKind
{
    Null,
    Bool,
    Number,
    String,
    Duration,
}

/// <summary>A tag, a golden-record field, or (inside a behaviour function's where:) a fact column.</summary>
public sealed record NameNode(string Name, TextSpan Span) : ExpressionNode(Span);

public sealed record UnaryNode(string Operator, ExpressionNode Operand, TextSpan Span) : ExpressionNode(Span);

/// <summary>and, or, = != &lt; &lt;= &gt; &gt;=, + - * /, contains.</summary>
public sealed record BinaryNode(string Operator, ExpressionNode Left, ExpressionNode Right, TextSpan Span) : ExpressionNode(Span);

public sealed record BetweenNode(ExpressionNode Value, ExpressionNode Low, ExpressionNode High, bool Negated, TextSpan Span) : ExpressionNode(Span);

public sealed record InNode(ExpressionNode Value, IReadOnlyList<ExpressionNode> Items, bool Negated, TextSpan Span) : ExpressionNode(Span);

public sealed record IsNullNode(ExpressionNode Value, bool Negated, TextSpan Span) : ExpressionNode(Span);

public sealed record CaseNode(IReadOnlyList<(ExpressionNode When, ExpressionNode Then)> Branches, ExpressionNode? Else, TextSpan Span) : ExpressionNode(Span);

/// <summary>A function call: <c>count('order_paid', within: 30d, where: amount &gt; 100)</c>.</summary>
public sealed record CallNode(string Function, TextSpan NameSpan, IReadOnlyList<ExpressionNode> Arguments,
    IReadOnlyDictionary<string, ExpressionNode> Named, TextSpan Span) : ExpressionNode(Span);
