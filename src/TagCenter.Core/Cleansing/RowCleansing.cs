using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Cleansing;

/// <summary>What <see cref="RowCleansing"/> decided for one event.</summary>
public enum RowVerdict
{
    /// <summary>The row passes every rule; its values are what the SQL pass would store.</summary>
    Kept,

    /// <summary>The SQL pass would set it aside (quarantine or a reader reject): it never becomes a row.</summary>
    Rejected,

    /// <summary>Outside what this port knows to give the same answer as the SQL pass: only the SQL pass decides.</summary>
    Unsure,
}

/// <summary>
/// The cleansing of one JSON event in .NET, for the live real-time path, which cannot wait for a SQL pass per batch.
/// The SQL pass (<see cref="CleansingPlan"/> over the JSON extraction) is the definition; this is a port of the part
/// of it that events take in practice: the extraction of scalar fields, the normalisation of blanks and "nothing"
/// words, value maps, and the clean spellings of strings, ISO and epoch timestamps, mainland mobiles, e-mails,
/// integers, decimals and booleans, with the required, allowed-values and range checks. Any value it has no exact
/// rule for makes the whole row <see cref="RowVerdict.Unsure"/>, and the caller leaves it to the SQL pass. A
/// differential test holds the two to the same answer on dirty and random input.
/// </summary>
public static partial class RowCleansing
{
    private const string Blanks = " \t\r\n\u3000";

    private static readonly HashSet<string> NothingWords = new(
        ["null", "NULL", "Null", "nil", "NIL", "none", "None", "NONE", "n/a", "N/A", "na", "NA", "\\N", "\\n", "-", "undefined", "Undefined"], StringComparer.Ordinal);

    /// <summary>Cleanses <paramref name="json"/> (one event, already in workspace time) as a row of <paramref name="source"/>.</summary>
    public static (RowVerdict Verdict, Dictionary<string, object?>? Values) Clean(SourceDefinition source, string json, string countryCode)
    {
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return (RowVerdict.Rejected, null);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (RowVerdict.Rejected, null);
            var values = new Dictionary<string, object?>(source.Columns.Count, StringComparer.Ordinal);
            var rejected = false;
            foreach (var column in source.Columns)
            {
                var (found, text) = Extract(document.RootElement, column.From);
                if (found == Field.Unsure)
                    return (RowVerdict.Unsure, null);
                if (found == Field.Nested)
                    rejected = true; // the reader sets the row aside; later fields may still be unsure
                if (rejected)
                    continue;
                var (verdict, value) = Column(column, text, countryCode);
                if (verdict == RowVerdict.Unsure)
                    return (RowVerdict.Unsure, null);
                if (verdict == RowVerdict.Rejected)
                    rejected = true;
                values[column.Name] = value;
            }
            return rejected ? (RowVerdict.Rejected, null) : (RowVerdict.Kept, values);
        }
    }

    private enum Field
    {
        Scalar,
        Nested,
        Unsure,
    }

    /// <summary>json_extract_string at a dotted path: the text of a scalar, null when absent or JSON null.</summary>
    private static (Field, string?) Extract(JsonElement root, string dotted)
    {
        var element = root;
        foreach (var key in dotted.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object)
                return (Field.Scalar, null);
            var matches = 0;
            JsonElement next = default;
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals(key))
                {
                    matches++;
                    next = property.Value;
                }
            }
            if (matches > 1)
                return (Field.Unsure, null); // which of two equal names wins is the JSON library's choice
            if (matches == 0)
                return (Field.Scalar, null);
            element = next;
        }
        return element.ValueKind switch
        {
            JsonValueKind.String => (Field.Scalar, element.GetString()),
            JsonValueKind.Null => (Field.Scalar, null),
            JsonValueKind.True => (Field.Scalar, "true"),
            JsonValueKind.False => (Field.Scalar, "false"),
            JsonValueKind.Number when PlainInteger().IsMatch(element.GetRawText()) => (Field.Scalar, element.GetRawText()),
            // A fraction is read as a double and printed back shortest-first: 12.50 → 12.5.
            JsonValueKind.Number when PlainFraction().IsMatch(element.GetRawText()) => (Field.Scalar, element.GetDouble().ToString("R", CultureInfo.InvariantCulture)),
            JsonValueKind.Object or JsonValueKind.Array => (Field.Nested, null),
            _ => (Field.Unsure, null), // 1e3, long fractions: how the engine prints them back is its own
        };
    }

    /// <summary>One column: its stored value, or the row's fate when the column decides it.</summary>
    private static (RowVerdict, object?) Column(ColumnDefinition column, string? raw, string countryCode)
    {
        var v = Normalise(raw);
        if (v is null)
            return column.Required ? (RowVerdict.Rejected, null) : (RowVerdict.Kept, null);
        var mapped = column.Map is { } map && map.TryGetValue(v, out var to) ? to : v;
        var (sure, clean) = Standardise(column, mapped, countryCode);
        if (!sure)
            return (RowVerdict.Unsure, null);
        var (checkSure, invalid) = Check(column, clean);
        if (!checkSure)
            return (RowVerdict.Unsure, null);
        if (!invalid)
            return (RowVerdict.Kept, clean);
        return column.OnInvalid == InvalidValueAction.Null ? (RowVerdict.Kept, null) : (RowVerdict.Rejected, null);
    }

    /// <summary>Trimmed (full-width spaces too), and the usual spellings of "nothing" as null.</summary>
    public static string? Normalise(string? raw)
    {
        if (raw is null)
            return null;
        var trimmed = raw.Trim(Blanks.ToCharArray());
        return trimmed.Length == 0 || NothingWords.Contains(trimmed) ? null : trimmed;
    }

    /// <summary>The standard value, null when the value cannot be understood; not sure when this port has no exact rule for it.</summary>
    private static (bool Sure, object? Value) Standardise(ColumnDefinition column, string v, string countryCode) => column.Type switch
    {
        ColumnType.String => (true, v),
        ColumnType.Timestamp => Timestamp(v),
        ColumnType.Phone when countryCode == "86" && IsMobile(v) => (true, "+86" + v),
        ColumnType.Email when v.All(c => c < 128 || c == '＠') => Email(v.Replace('＠', '@').ToLowerInvariant()),
        ColumnType.Int when PlainInteger().IsMatch(v) && v.TrimStart('-').Length <= 18 => (true, long.Parse(v, CultureInfo.InvariantCulture)),
        ColumnType.Decimal when PlainDecimal().IsMatch(v) && (column.Unit != "fen" || !v.Contains('.', StringComparison.Ordinal)) =>
            (true, decimal.Parse(v, CultureInfo.InvariantCulture) / (column.Unit == "fen" ? 100m : 1m)),
        ColumnType.Bool when v.All(c => c < 128) || v is "是" or "否" => (true, v.ToLowerInvariant() switch
        {
            "true" or "t" or "1" or "y" or "yes" or "是" => true,
            "false" or "f" or "0" or "n" or "no" or "否" => (object?)false,
            _ => null,
        }),
        _ => (false, null),
    };

    private static (bool, object?) Email(string lowered) => (true, EmailPattern().IsMatch(lowered) ? lowered : null);

    private static bool IsMobile(string v) => v.Length == 11 && v[0] == '1' && v[1] is >= '3' and <= '9' && v.All(char.IsAsciiDigit);

    private static (bool Sure, object? Value) Timestamp(string v)
    {
        if (v.All(char.IsAsciiDigit))
        {
            return v.Length switch
            {
                8 => Exact(v, "yyyyMMdd"),
                14 => Exact(v, "yyyyMMddHHmmss"),
                10 when long.TryParse(v, CultureInfo.InvariantCulture, out var seconds) => (true, DateTime.UnixEpoch.AddSeconds(seconds).AddHours(StandardiserSql.EpochOffsetHours)),
                13 when long.TryParse(v, CultureInfo.InvariantCulture, out var ms) => (true, DateTime.UnixEpoch.AddMilliseconds(ms).AddHours(StandardiserSql.EpochOffsetHours)),
                _ when v.Length is 8 or 14 or 10 or 13 => (false, null),
                _ when v.Length <= 18 => (true, null), // all digits of another length: not a time
                _ => (false, null),
            };
        }
        var iso = IsoTimestamp().Match(v);
        if (!iso.Success)
            return (false, null);
        var fraction = iso.Groups["f"].Value;
        var text = $"{iso.Groups["d"].Value} {iso.Groups["t"].Value}{(fraction.Length > 0 ? "." + fraction.PadRight(7, '0') : "")}";
        return DateTime.TryParseExact(text, fraction.Length > 0 ? "yyyy-MM-dd HH:mm:ss.fffffff" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? (true, parsed)
            : (false, null);
    }

    private static (bool, object?) Exact(string v, string format) =>
        DateTime.TryParseExact(v, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? (true, parsed) : (false, null);

    /// <summary>Whether the value breaks a rule (the first the SQL pass tests); not sure when a rule is outside this port.</summary>
    private static (bool Sure, bool Invalid) Check(ColumnDefinition column, object? clean)
    {
        if (column.Type != ColumnType.String && clean is null)
            return (true, true);
        if (column.RejectPattern is not null || column.Pattern is not null)
            return (false, false); // regular expressions: the engine's dialect decides
        if (column.Values is { Count: > 0 } allowed && clean is not null)
        {
            if (clean is not string text)
                return (false, false);
            if (!allowed.Contains(text, StringComparer.Ordinal))
                return (true, true);
        }
        var measured = clean switch
        {
            DateTime time => time.Year,
            long l => l,
            decimal d => d,
            _ => (decimal?)null,
        };
        if ((column.Min is not null || column.Max is not null) && measured is null && clean is not null)
            return (false, false);
        if (column.Min is { } min && measured < min)
            return (true, true);
        if (column.Max is { } max && measured > max)
            return (true, true);
        return (true, false);
    }

    [GeneratedRegex(@"\A-?(0|[1-9][0-9]{0,14})\z")]
    private static partial Regex PlainInteger();

    [GeneratedRegex(@"\A-?(0|[1-9][0-9]{0,8})\.[0-9]{1,6}\z")]
    private static partial Regex PlainFraction();

    [GeneratedRegex(@"\A-?(0|[1-9][0-9]{0,13})(\.[0-9]{1,2})?\z")]
    private static partial Regex PlainDecimal();

    [GeneratedRegex(@"\A[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}\z")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\A(?<d>[12][0-9]{3}-[0-9]{2}-[0-9]{2})[ T](?<t>[0-9]{2}:[0-9]{2}:[0-9]{2})(\.(?<f>[0-9]{1,6}))?\z")]
    private static partial Regex IsoTimestamp();
}
