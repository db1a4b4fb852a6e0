namespace TagCenter.Core.Expressions;

/// <summary>A problem in an expression, with its place; <see cref="Render"/> draws a caret under it.</summary>
public sealed record ExpressionDiagnostic(TextSpan Span, string Message)
{
    /// <summary><c>line:column: message</c>, the offending line, and carets under the problem.</summary>
    public string Render(string text, string? origin = null)
    {
        var start = Math.Clamp(Span.Start, 0, text.Length);
        var lineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        if (start == 0)
            lineStart = 0;
        var lineEnd = text.IndexOf('\n', start);
        if (lineEnd < 0)
            lineEnd = text.Length;
        var line = text[..start].Count(c => c == '\n') + 1;
        var column = start - lineStart + 1;
        var source = text[lineStart..lineEnd];
        var shown = source.Length > 160 ? source[..160] + "…" : source;
        var width = Math.Clamp(Span.Length, 1, Math.Max(1, shown.Length - (column - 1) + 1));
        var pad = new string(' ', Math.Min(column - 1, 160));
        return $"{(origin is null ? "" : origin + ":")}{line}:{column}: {Message}\n  {shown}\n  {pad}{new string('^', Math.Min(width, 80))}";
    }
}
