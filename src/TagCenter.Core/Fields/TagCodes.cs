using System.Text;

namespace TagCenter.Core.Fields;

/// <summary>Tag codes made from field names: snake_case ascii that the catalog accepts, and never one already taken.</summary>
public static class TagCodes
{
    public const int MaxLength = 63;

    /// <summary>"Paid At" → paid_at, "订单金额" → f_… (a code must start with a letter and use a-z, 0-9, _).</summary>
    public static string Snake(params string[] parts)
    {
        var text = new StringBuilder();
        foreach (var c in string.Join("_", parts))
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
                text.Append(lower);
            else if (text.Length > 0 && text[^1] != '_')
                text.Append('_');
        }
        var code = text.ToString().Trim('_');
        if (code.Length == 0 || code[0] is < 'a' or > 'z')
            code = "f_" + code;
        return code.Length > MaxLength ? code[..MaxLength].TrimEnd('_') : code;
    }

    /// <summary><paramref name="wanted"/>, or with the first free suffix _2, _3, … when it is taken; the result is taken from then on.</summary>
    public static string Unique(string wanted, ISet<string> taken, string separator = "_")
    {
        var candidate = wanted;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = separator + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            candidate = (wanted.Length + suffix.Length > MaxLength && separator == "_" ? wanted[..(MaxLength - suffix.Length)] : wanted) + suffix;
        }
        return candidate;
    }
}
