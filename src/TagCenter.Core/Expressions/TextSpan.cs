namespace TagCenter.Core.Expressions;

/// <summary>Where a piece of an expression sits in its source text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan Between(TextSpan first, TextSpan last) => new(first.Start, last.End - first.Start);
}
