namespace TagCenter.Core.Expressions;

public enum TokenKind
{
    End,
    Name,
    Number,
    String,
    Duration,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    Star,
    Slash,
    OpenParen,
    CloseParen,
    Comma,
    Colon,
    Bad,
}
