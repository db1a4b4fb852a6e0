using System.Text;
using TagCenter.Core.Governance;

namespace TagCenter.Server.Access;

/// <summary>
/// Personal data in text the server did not read from the data but got from the caller: a phone or email typed as an
/// identifier in a path (<c>/profiles/13812348000</c>) and echoed back in a 404, a ProblemDetails <c>instance</c> or
/// an audit row's target. Such text is masked by its shape — anything with an <c>@</c> as an email, anything that is
/// seven or more digits with only phone separators as a phone — so a lookup by phone never sends the phone back in
/// clear to a caller without <c>pii:read</c>, and the audit log never stores it.
/// </summary>
public static class PiiText
{
    /// <summary><paramref name="typed"/> as <paramref name="caller"/> may see it echoed: masked by shape unless they hold pii:read.</summary>
    public static string Shown(string typed, Caller caller) => caller.CanReadPii ? typed : Masked(typed);

    /// <summary><paramref name="typed"/> masked when it looks like a phone or an email; other identifiers unchanged.</summary>
    public static string Masked(string typed)
    {
        if (string.IsNullOrEmpty(typed))
            return typed;
        if (typed.Contains('@', StringComparison.Ordinal))
            return PiiMask.Email(typed);
        var digits = 0;
        foreach (var c in typed)
        {
            if (char.IsDigit(c))
                digits++;
            else if (c is not ('+' or '-' or ' ' or '(' or ')' or '.'))
                return typed;
        }
        return digits >= 7 ? PiiMask.Phone(typed) : typed;
    }

    /// <summary>A request path (and query) with every segment and query value that looks like a phone or email masked.</summary>
    public static string MaskedPath(string path, string? query = null)
    {
        var text = new StringBuilder();
        text.AppendJoin('/', path.Split('/').Select(Masked));
        if (string.IsNullOrEmpty(query) || query == "?")
            return text.ToString();
        var pairs = query.TrimStart('?').Split('&').Select(p =>
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
                return p;
            var value = Uri.UnescapeDataString(p[(eq + 1)..].Replace('+', ' '));
            var masked = Masked(value);
            return masked == value ? p : p[..(eq + 1)] + Uri.EscapeDataString(masked);
        });
        return text.Append('?').AppendJoin('&', pairs).ToString();
    }
}
