namespace TagCenter.Core.Expressions;

/// <summary>A token; keywords are names, told apart by <see cref="Is"/> (case-insensitive).</summary>
public readonly record struct Token(TokenKind Kind, string Text, TextSpan Span)
{
    public bool Is(string keyword) => Kind == TokenKind.Name && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
