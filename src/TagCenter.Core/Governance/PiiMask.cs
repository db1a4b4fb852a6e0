using System.Globalization;
using System.Text;

namespace TagCenter.Core.Governance;

/// <summary>
/// Masks personal data for callers without <c>pii:read</c> (脱敏). Works on text elements (what a reader sees as one
/// character: a CJK character, a full-width digit, an emoji with its modifiers), so a mask never splits a surrogate
/// pair; a value too short to keep both ends keeps only its last quarter, so a mask never gives most of it away.
/// </summary>
public static class PiiMask
{
    private const char Star = '*';

    /// <summary><paramref name="value"/> masked as <paramref name="kind"/>; null and empty stay as they are.</summary>
    public static string? Mask(PiiKind kind, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return value;
        return kind switch
        {
            PiiKind.Phone => Phone(value),
            PiiKind.Email => Email(value),
            PiiKind.Name => Name(value),
            PiiKind.Address => Address(value),
            PiiKind.IdNumber => IdNumber(value),
            _ => new string(Star, 3),
        };
    }

    /// <summary>
    /// <c>13812348000</c> → <c>138****8000</c>: the first 3 and last 4 digits; separators stay where they are. China's
    /// country code is not part of the number: <c>+8613812348000</c> and <c>86 138 1234 8000</c> mask as the national
    /// number does (<c>138****8000</c>), so a stored E.164 value shows its operator prefix, not <c>861</c>.
    /// </summary>
    public static string Phone(string value)
    {
        var elements = Elements(value);
        var digits = elements.Select((e, i) => (e, i)).Where(x => IsDigit(x.e)).Select(x => x.i).ToList();
        if (digits.Count == 13 && Digit(elements[digits[0]]) == 8 && Digit(elements[digits[1]]) == 6)
            return Phone(string.Concat(elements.Skip(digits[2])));
        if (digits.Count == 0)
            return KeepEnds(elements, 0, 0);
        var (head, tail) = Ends(digits.Count, 3, 4);
        var hidden = digits.Skip(head).Take(digits.Count - head - tail).ToHashSet();
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < elements.Count; i++)
            text.Append(hidden.Contains(i) ? Star.ToString() : elements[i]);
        return text.ToString();
    }

    /// <summary><c>zhang@qq.com</c> → <c>z***@qq.com</c>: the first character of the mailbox, then three stars whatever its length.</summary>
    public static string Email(string value)
    {
        var at = value.LastIndexOf('@');
        if (at < 0)
            return Name(value);
        var local = Elements(value[..at]);
        var first = local.Count > 1 ? local[0] : "";
        return first + new string(Star, 3) + value[at..];
    }

    /// <summary><c>张三</c> → <c>张*</c>, <c>欧阳娜娜</c> → <c>欧***</c>: the first character, a star for each other; one character → <c>*</c>.</summary>
    public static string Name(string value)
    {
        var elements = Elements(value);
        if (elements.Count == 1)
            return Star.ToString();
        return elements[0] + new string(Star, elements.Count - 1);
    }

    /// <summary>
    /// <c>浙江省杭州市西湖区文三路90号</c> → <c>浙江省杭州市***</c>: kept up to the city (市; a province or region when no city is
    /// named), the rest three stars whatever its length; nothing kept when no level is recognised.
    /// </summary>
    public static string Address(string value)
    {
        var trimmed = value.Trim();
        var end = trimmed.IndexOf('市', StringComparison.Ordinal);
        if (end < 0)
            end = LastOfFirst(trimmed, "自治区", "省");
        if (end < 0 || end + 1 >= trimmed.Length)
            return end + 1 == trimmed.Length && end > 0 ? trimmed : new string(Star, 3);
        return trimmed[..(end + 1)] + new string(Star, 3);
    }

    /// <summary><c>110101199003071234</c> → <c>110***********1234</c>: the first 3 (region) and last 4 characters.</summary>
    public static string IdNumber(string value)
    {
        var elements = Elements(value.Trim());
        var (head, tail) = Ends(elements.Count, 3, 4);
        return KeepEnds(elements, head, tail);
    }

    /// <summary>How many to keep at each end: as asked when the value is long enough, else less, so at least half is hidden.</summary>
    private static (int Head, int Tail) Ends(int count, int head, int tail)
    {
        if (count >= (head + tail) * 2 - 3)
            return (head, tail); // 11-digit phones and 18-character ids keep 3 + 4
        return (0, count / 4);
    }

    private static string KeepEnds(List<string> elements, int head, int tail)
    {
        var text = new StringBuilder();
        for (var i = 0; i < elements.Count; i++)
            text.Append(i < head || i >= elements.Count - tail ? elements[i] : Star.ToString());
        return text.ToString();
    }

    private static int LastOfFirst(string text, params string[] markers)
    {
        foreach (var marker in markers)
        {
            var i = text.IndexOf(marker, StringComparison.Ordinal);
            if (i >= 0)
                return i + marker.Length - 1;
        }
        return -1;
    }

    private static bool IsDigit(string element) => element.Length == 1 && char.IsDigit(element[0]);

    private static double Digit(string element) => char.GetNumericValue(element[0]);

    private static List<string> Elements(string value)
    {
        var list = new List<string>(value.Length);
        var e = StringInfo.GetTextElementEnumerator(value);
        while (e.MoveNext())
            list.Add(e.GetTextElement());
        return list;
    }
}
