using System.Globalization;
using TagCenter.Core.Text;

namespace TagCenter.Core.Expressions;

/// <summary>
/// Recursive descent over the tokens. Bad input never throws: the parser records a diagnostic, skips to
/// something it understands, and returns what it could read (or null).
/// </summary>
public sealed class Parser
{
    public const int MaxLength = 64 * 1024;

    /// <summary>Parentheses, not and unary minus nested at most this deep (guards the parser's own stack).</summary>
    public const int MaxDepth = 100;

    /// <summary>The tree at most this high, whatever makes it so (a chain of 1+1+… is as deep as it is long).</summary>
    public const int MaxHeight = 100;

    /// <summary>At most this many nodes in one rule.</summary>
    public const int MaxNodes = 10_000;

    private readonly IReadOnlyList<Token> _tokens;
    private readonly List<ExpressionDiagnostic> _diagnostics;
    private int _position;
    private int _depth;

    private Parser(IReadOnlyList<Token> tokens, List<ExpressionDiagnostic> diagnostics)
    {
        _tokens = tokens;
        _diagnostics = diagnostics;
    }

    public static ParseResult Parse(string text)
    {
        var diagnostics = new List<ExpressionDiagnostic>();
        if (text.Length > MaxLength)
        {
            diagnostics.Add(new ExpressionDiagnostic(new TextSpan(MaxLength, 1), Texts.T("expr.parse.toolong", text.Length, MaxLength)));
            return new ParseResult(text, null, diagnostics);
        }
        var tokens = Lexer.Tokenize(text, diagnostics);
        if (diagnostics.Count > 0)
            return new ParseResult(text, null, diagnostics);
        var parser = new Parser(tokens, diagnostics);
        if (parser.Current.Kind == TokenKind.End)
        {
            diagnostics.Add(new ExpressionDiagnostic(new TextSpan(0, 0), Texts.T("expr.parse.empty")));
            return new ParseResult(text, null, diagnostics);
        }
        ExpressionNode? node = null;
        try
        {
            node = parser.Expression();
        }
        catch (ParseStop)
        {
            // A diagnostic has been recorded; stop at the first problem so the message is about the real cause.
        }
        if (diagnostics.Count == 0 && parser.Current.Kind != TokenKind.End)
            diagnostics.Add(new ExpressionDiagnostic(parser.Current.Span, Texts.T("expr.parse.trailing", parser.Current.Text)));
        if (diagnostics.Count == 0 && node is not null && TreeSize.Check(node, MaxNodes, MaxHeight) is { } tooBig)
            diagnostics.Add(tooBig);
        return new ParseResult(text, diagnostics.Count == 0 ? node : null, diagnostics);
    }

    private Token Current => _tokens[_position];

    private Token Advance() => _tokens[Math.Min(_position++, _tokens.Count - 1)];

    private bool Accept(string keyword)
    {
        if (!Current.Is(keyword))
            return false;
        _position++;
        return true;
    }

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
            return false;
        _position++;
        return true;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind == kind)
            return Advance();
        throw Stop(Current.Span, Texts.T("expr.parse.expected", Texts.T(what), Describe(Current)));
    }

    private void ExpectKeyword(string keyword, string context)
    {
        if (!Accept(keyword))
            throw Stop(Current.Span, Texts.T("expr.parse.expectedkeyword", keyword, Texts.T(context), Describe(Current)));
    }

    private ParseStop Stop(TextSpan span, string message)
    {
        _diagnostics.Add(new ExpressionDiagnostic(span, message));
        return new ParseStop();
    }

    private static string Describe(Token token) => token.Kind == TokenKind.End ? Texts.T("expr.parse.end") : $"'{token.Text}'";

    private ParseStop TooDeep() => Stop(Current.Span, Texts.T("expr.parse.nested", MaxDepth));

    /// <summary>
    /// A chain of and (or of or) as a balanced tree: the same value in three-valued logic, but 1000 conditions
    /// make a tree 11 levels high rather than 1000.
    /// </summary>
    private static ExpressionNode Balanced(string op, List<ExpressionNode> operands, int from, int count)
    {
        if (count == 1)
            return operands[from];
        var half = (count + 1) / 2;
        var left = Balanced(op, operands, from, half);
        var right = Balanced(op, operands, from + half, count - half);
        return new BinaryNode(op, left, right, TextSpan.Between(left.Span, right.Span));
    }

    private ExpressionNode Expression()
    {
        if (++_depth > MaxDepth)
            throw TooDeep();
        try
        {
            return Or();
        }
        finally
        {
            _depth--;
        }
    }

    private ExpressionNode Or()
    {
        var operands = new List<ExpressionNode> { And() };
        while (Current.Is("or"))
        {
            Advance();
            operands.Add(And());
        }
        return Balanced("or", operands, 0, operands.Count);
    }

    private ExpressionNode And()
    {
        var operands = new List<ExpressionNode> { Not() };
        while (Current.Is("and"))
        {
            Advance();
            operands.Add(Not());
        }
        return Balanced("and", operands, 0, operands.Count);
    }

    private ExpressionNode Not()
    {
        if (Current.Is("not"))
        {
            var start = Advance().Span;
            if (++_depth > MaxDepth)
                throw TooDeep();
            var operand = Not();
            _depth--;
            return new UnaryNode("not", operand, TextSpan.Between(start, operand.Span));
        }
        return Comparison();
    }

    private ExpressionNode Comparison()
    {
        var left = Additive();
        var op = Current.Kind switch
        {
            TokenKind.Equal => "=",
            TokenKind.NotEqual => "!=",
            TokenKind.Less => "<",
            TokenKind.LessOrEqual => "<=",
            TokenKind.Greater => ">",
            TokenKind.GreaterOrEqual => ">=",
            _ => null,
        };
        if (op is not null)
        {
            Advance();
            var right = Additive();
            return new BinaryNode(op, left, right, TextSpan.Between(left.Span, right.Span));
        }
        if (Current.Is("contains"))
        {
            Advance();
            var right = Additive();
            return new BinaryNode("contains", left, right, TextSpan.Between(left.Span, right.Span));
        }
        if (Current.Is("is"))
        {
            Advance();
            var negated = Accept("not");
            var end = Current.Span;
            ExpectKeyword("null", "expr.ctx.afteris");
            return new IsNullNode(left, negated, TextSpan.Between(left.Span, end));
        }
        var not = Current.Is("not") && (_tokens[_position + 1].Is("in") || _tokens[_position + 1].Is("between"));
        if (not)
            Advance();
        if (Accept("between"))
        {
            var low = Additive();
            ExpectKeyword("and", "expr.ctx.between");
            var high = Additive();
            return new BetweenNode(left, low, high, not, TextSpan.Between(left.Span, high.Span));
        }
        if (Accept("in"))
        {
            Expect(TokenKind.OpenParen, "expr.ctx.inopen");
            var items = new List<ExpressionNode> { Additive() };
            while (Accept(TokenKind.Comma))
                items.Add(Additive());
            var close = Expect(TokenKind.CloseParen, "expr.ctx.inclose");
            return new InNode(left, items, not, TextSpan.Between(left.Span, close.Span));
        }
        return left;
    }

    private ExpressionNode Additive()
    {
        var left = Multiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance().Text;
            var right = Multiplicative();
            left = new BinaryNode(op, left, right, TextSpan.Between(left.Span, right.Span));
        }
        return left;
    }

    private ExpressionNode Multiplicative()
    {
        var left = Unary();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance().Text;
            var right = Unary();
            left = new BinaryNode(op, left, right, TextSpan.Between(left.Span, right.Span));
        }
        return left;
    }

    private ExpressionNode Unary()
    {
        if (Current.Kind == TokenKind.Minus)
        {
            var start = Advance().Span;
            if (++_depth > MaxDepth)
                throw TooDeep();
            var operand = Unary();
            _depth--;
            return new UnaryNode("-", operand, TextSpan.Between(start, operand.Span));
        }
        return Primary();
    }

    private ExpressionNode Primary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new LiteralNode(decimal.Parse(token.Text, CultureInfo.InvariantCulture), LiteralKind.Number, token.Span);
            case TokenKind.String:
                Advance();
                return new LiteralNode(token.Text, LiteralKind.String, token.Span);
            case TokenKind.Duration:
                Advance();
                var digits = token.Text.TakeWhile(char.IsAsciiDigit).Count();
                return new LiteralNode(Durations.Parse(token.Text[..digits], Durations.Unit(token.Text[digits..])!.Value)!.Value, LiteralKind.Duration, token.Span);
            case TokenKind.OpenParen:
                Advance();
                var inner = Expression();
                Expect(TokenKind.CloseParen, "expr.ctx.parenclose");
                return inner;
            case TokenKind.Name when token.Is("true") || token.Is("false"):
                Advance();
                return new LiteralNode(token.Is("true"), LiteralKind.Bool, token.Span);
            case TokenKind.Name when token.Is("null"):
                Advance();
                return new LiteralNode(null, LiteralKind.Null, token.Span);
            case TokenKind.Name when token.Is("case"):
                return Case();
            case TokenKind.Name when Keywords.Contains(token.Text.ToLowerInvariant()):
                throw Stop(token.Span, Texts.T("expr.parse.keyword", token.Text));
            case TokenKind.Name:
                Advance();
                return Current.Kind == TokenKind.OpenParen ? Call(token) : new NameNode(token.Text, token.Span);
            default:
                throw Stop(token.Span, Texts.T("expr.parse.value", Describe(token)));
        }
    }

    private static readonly HashSet<string> Keywords = ["and", "or", "not", "in", "between", "is", "contains", "when", "then", "else", "end"];

    private CaseNode Case()
    {
        var start = Advance().Span;
        var branches = new List<(ExpressionNode, ExpressionNode)>();
        while (Accept("when"))
        {
            var when = Expression();
            ExpectKeyword("then", "expr.ctx.then");
            branches.Add((when, Expression()));
        }
        if (branches.Count == 0)
            throw Stop(Current.Span, Texts.T("expr.parse.casewhen", Describe(Current)));
        var otherwise = Accept("else") ? Expression() : null;
        var end = Current.Span;
        ExpectKeyword("end", "expr.ctx.caseend");
        return new CaseNode(branches, otherwise, TextSpan.Between(start, end));
    }

    private CallNode Call(Token name)
    {
        Advance(); // (
        var arguments = new List<ExpressionNode>();
        var named = new Dictionary<string, ExpressionNode>(StringComparer.OrdinalIgnoreCase);
        if (Current.Kind != TokenKind.CloseParen)
        {
            do
            {
                if (Current.Kind == TokenKind.Name && _tokens[_position + 1].Kind == TokenKind.Colon)
                {
                    var key = Advance();
                    Advance();
                    if (!named.TryAdd(key.Text, Expression()))
                        throw Stop(key.Span, Texts.T("expr.parse.twice", key.Text));
                }
                else
                {
                    if (named.Count > 0)
                        throw Stop(Current.Span, Texts.T("expr.parse.positional"));
                    arguments.Add(Expression());
                }
            }
            while (Accept(TokenKind.Comma));
        }
        var close = Expect(TokenKind.CloseParen, "expr.ctx.callclose");
        return new CallNode(name.Text.ToLowerInvariant(), name.Span, arguments, named, TextSpan.Between(name.Span, close.Span));
    }

    private sealed class ParseStop : Exception
    {
    }
}

/// <summary>The tree (null when there were errors) and every diagnostic.</summary>
public sealed record ParseResult(string Text, ExpressionNode? Root, IReadOnlyList<ExpressionDiagnostic> Diagnostics)
{
    public bool Success => Root is not null && Diagnostics.Count == 0;
}
