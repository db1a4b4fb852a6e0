namespace TagCenter.Core.Governance;

/// <summary>
/// The kinds of personal data a column or tag may hold (<c>pii: phone|email|name|address|id_number</c>); each has
/// its own mask, so a masked value still says what it is (<c>138****8000</c>) without saying whose it is.
/// </summary>
public enum PiiKind
{
    Phone,
    Email,
    Name,
    Address,
    IdNumber,
}
