namespace TagCenter.Core.Expressions;

/// <summary>
/// Measures a parsed tree without recursion, so that a tree too big for the binder, the evaluator or an engine
/// (DuckDB stops at 1000 nested expressions) is a diagnostic, never a stack overflow.
/// </summary>
internal static class TreeSize
{
    /// <summary>The first node past <paramref name="maxNodes"/> (pre-order) or deeper than <paramref name="maxHeight"/>, or null.</summary>
    public static ExpressionDiagnostic? Check(ExpressionNode root, int maxNodes, int maxHeight)
    {
        var stack = new Stack<(ExpressionNode Node, int Depth)>();
        stack.Push((root, 1));
        var nodes = 0;
        while (stack.TryPop(out var entry))
        {
            if (++nodes > maxNodes)
                return new ExpressionDiagnostic(entry.Node.Span, Text.Texts.T("expr.parse.toomany", maxNodes));
            if (entry.Depth > maxHeight)
                return new ExpressionDiagnostic(entry.Node.Span, Text.Texts.T("expr.parse.toodeep", maxHeight));
            foreach (var child in Children(entry.Node))
                stack.Push((child, entry.Depth + 1));
        }
        return null;
    }

    public static IEnumerable<ExpressionNode> Children(ExpressionNode node) => node switch
    {
        UnaryNode u => [u.Operand],
        BinaryNode b => [b.Left, b.Right],
        BetweenNode b => [b.Value, b.Low, b.High],
        InNode i => [i.Value, .. i.Items],
        IsNullNode n => [n.Value],
        CaseNode c => [.. c.Branches.SelectMany(b => new[] { b.When, b.Then }), .. c.Else is null ? Array.Empty<ExpressionNode>() : [c.Else]],
        CallNode c => [.. c.Arguments, .. c.Named.Values],
        _ => [],
    };
}
