namespace TagCenter.Core.Expressions;

/// <summary>A problem in an expression, with its place; <see cref="Render"/> draws a caret under it.</summary>
public sealed record ExpressionDiagnostic(TextSpan Span, string Message)
{
    private const int Shown = 160;

    /// <summary>
    /// <c>line:column: message</c>, the offending line, and carets under the problem. The column counts characters
    /// (as editors do); the carets are placed by display width, where a Chinese character takes two columns.
    /// </summary>
    public string Render(string text, string? origin = null)
    {
        var start = Math.Clamp(Span.Start, 0, text.Length);
        var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        var lineEnd = text.IndexOf('\n', start);
        if (lineEnd < 0)
            lineEnd = text.Length;
        var line = text[..start].Count(c => c == '\n') + 1;
        var column = start - lineStart + 1;
        var source = text[lineStart..lineEnd];
        var shown = source.Length > Shown ? source[..Shown] + "…" : source;
        var before = shown[..Math.Min(column - 1, shown.Length)];
        var under = shown[before.Length..Math.Min(shown.Length, before.Length + Math.Max(Span.Length, 1))];
        var pad = new string(' ', DisplayWidth.Of(before));
        var carets = new string('^', Math.Clamp(DisplayWidth.Of(under), 1, 80));
        return $"{(origin is null ? "" : origin + ":")}{line}:{column}: {Message}\n  {shown}\n  {pad}{carets}";
    }
}
