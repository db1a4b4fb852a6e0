using System.Globalization;
using TagCenter.Core.Text;

namespace TagCenter.Core.Expressions;

/// <summary>Splits expression text into tokens. Names may be Chinese (累计消费金额); durations look like 30d.</summary>
public static class Lexer
{
    public static IReadOnlyList<Token> Tokenize(string text, List<ExpressionDiagnostic> diagnostics)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            if (char.IsDigit(c))
            {
                while (i < text.Length && char.IsDigit(text[i]))
                    i++;
                if (i + 1 < text.Length && text[i] == '.' && char.IsDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsDigit(text[i]))
                        i++;
                }
                var unitStart = i;
                while (i < text.Length && char.IsAsciiLetter(text[i]))
                    i++;
                var unit = text[unitStart..i];
                var span = new TextSpan(start, i - start);
                var numberKind = TokenKind.Bad;
                if (unit.Length == 0)
                {
                    if (decimal.TryParse(text[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                        numberKind = TokenKind.Number;
                    else
                        diagnostics.Add(new ExpressionDiagnostic(span, Texts.T("expr.number.range", text[start..i])));
                }
                else if (Durations.Unit(unit) is { } windowUnit && !text[start..unitStart].Contains('.'))
                {
                    if (Durations.Parse(text[start..unitStart], windowUnit) is not null)
                        numberKind = TokenKind.Duration;
                    else
                        diagnostics.Add(new ExpressionDiagnostic(span, Texts.T("expr.window.range", text[start..i], Durations.Ranges)));
                }
                else
                    diagnostics.Add(new ExpressionDiagnostic(span, Texts.T("expr.lex.notnumber", text[start..i], Texts.T("expr.window.units"))));
                tokens.Add(new Token(numberKind, text[start..i], span));
                continue;
            }
            if (IsNameStart(c))
            {
                while (i < text.Length && IsNamePart(text[i]))
                    i++;
                tokens.Add(new Token(TokenKind.Name, text[start..i], new TextSpan(start, i - start)));
                continue;
            }
            if (c is '\'' or '"' or '`')
            {
                var quote = c;
                var value = new System.Text.StringBuilder();
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == quote)
                    {
                        if (i + 1 < text.Length && text[i + 1] == quote)
                        {
                            value.Append(quote);
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    value.Append(text[i++]);
                }
                if (!closed)
                    diagnostics.Add(new ExpressionDiagnostic(new TextSpan(start, 1), Texts.T("expr.lex.unclosed", quote)));
                // Backquoted and double-quoted text names a tag or column (for names with spaces); single quotes are strings.
                tokens.Add(new Token(quote == '\'' ? TokenKind.String : TokenKind.Name, value.ToString(), new TextSpan(start, i - start)));
                continue;
            }
            var (kind, length) = c switch
            {
                '=' when Next(text, i) == '=' => (TokenKind.Equal, 2),
                '=' => (TokenKind.Equal, 1),
                '!' when Next(text, i) == '=' => (TokenKind.NotEqual, 2),
                '<' when Next(text, i) == '>' => (TokenKind.NotEqual, 2),
                '<' when Next(text, i) == '=' => (TokenKind.LessOrEqual, 2),
                '<' => (TokenKind.Less, 1),
                '>' when Next(text, i) == '=' => (TokenKind.GreaterOrEqual, 2),
                '>' => (TokenKind.Greater, 1),
                '+' => (TokenKind.Plus, 1),
                '-' => (TokenKind.Minus, 1),
                '*' => (TokenKind.Star, 1),
                '/' => (TokenKind.Slash, 1),
                '(' or '（' => (TokenKind.OpenParen, 1),
                ')' or '）' => (TokenKind.CloseParen, 1),
                ',' or '，' => (TokenKind.Comma, 1),
                ':' or '：' => (TokenKind.Colon, 1),
                _ => (TokenKind.Bad, 1),
            };
            if (kind == TokenKind.Bad)
                diagnostics.Add(new ExpressionDiagnostic(new TextSpan(start, 1), Texts.T("expr.lex.badchar", c, (int)c)));
            tokens.Add(new Token(kind, text.Substring(start, length), new TextSpan(start, length)));
            i += length;
        }
        tokens.Add(new Token(TokenKind.End, "", new TextSpan(text.Length, 0)));
        return tokens;
    }

    private static char Next(string text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;

    private static bool IsNamePart(char c) => IsNameStart(c) || char.IsDigit(c);
}
