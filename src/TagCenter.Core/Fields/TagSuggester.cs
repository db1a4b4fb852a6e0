using System.Globalization;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;

namespace TagCenter.Core.Fields;

/// <summary>
/// Proposes tag definitions from one field (字段级标签一键构建): a few-valued text → an enum (<c>from:</c> its golden
/// field, or <c>most(...)</c> over its fact) with the values in frequency order; a number on a fact → sum, count and
/// average over 30/90/365 days and three bands of the 365-day sum; a time → the latest, and days since for the event
/// time; a flag → its share over 90 days. Codes come from the fact, the column and the aggregate; uniqueness is
/// the caller's (<see cref="TagCodes.Unique"/>).
/// </summary>
public static class TagSuggester
{
    public const int MaxEnumValues = 20;

    public static readonly int[] Windows = [30, 90, 365];

    /// <summary>The suggestions for <paramref name="f"/>, or none and the text key saying why.</summary>
    public static (IReadOnlyList<TagSuggestion> Suggestions, string? Skipped) Suggest(FieldFacts f)
    {
        if (f.Values is { Count: < 2 } && f.Type is TagValueType.String or TagValueType.Bool)
            return ([], "suggest.skip.single");
        if (f.Golden is not null)
            return Golden(f);
        if (f.Fact is not null)
            return Fact(f, f.Fact);
        return ([], "suggest.skip.unreachable");
    }

    private static (IReadOnlyList<TagSuggestion>, string?) Golden(FieldFacts f)
    {
        var golden = f.Golden!;
        var definition = Both("suggest.def.from", golden, f.Source, f.Column);
        var name = Texts.T("suggest.name.from", golden);
        if (f.Type == TagValueType.String && f.Values is null)
            return ([], "suggest.skip.manyvalues");
        var kind = f.Type == TagValueType.String ? TagKind.Enum : TagKind.Value;
        return ([Make(f, name, golden, kind, f.Type, definition, golden, f.Values ?? []) with { FromGolden = true }], null);
    }

    private static (IReadOnlyList<TagSuggestion>, string?) Fact(FieldFacts f, string fact)
    {
        var column = f.Column;
        var list = new List<TagSuggestion>();
        switch (f.Type)
        {
            case TagValueType.String when f.Values is null:
                return ([], "suggest.skip.manyvalues");
            case TagValueType.String:
                list.Add(Make(f, Texts.T("suggest.name.most", fact, column, 365), Code(fact, column, "most_365d"), TagKind.Enum, TagValueType.String,
                    Both("suggest.def.most", fact, column, 365), $"most('{fact}', {column}, within: 365d)", f.Values));
                break;
            case TagValueType.Int or TagValueType.Decimal:
                foreach (var days in Windows)
                {
                    list.Add(Make(f, Texts.T("suggest.name.sum", fact, column, days), Code(fact, column, $"sum_{days}d"), TagKind.Value, TagValueType.Decimal,
                        Both("suggest.def.sum", fact, column, days), $"sum('{fact}', {column}, within: {days}d)"));
                    list.Add(Make(f, Texts.T("suggest.name.count", fact, column, days), Code(fact, column, $"count_{days}d"), TagKind.Value, TagValueType.Int,
                        Both("suggest.def.count", fact, column, days), $"count('{fact}', within: {days}d, where: {column} is not null)"));
                    list.Add(Make(f, Texts.T("suggest.name.avg", fact, column, days), Code(fact, column, $"avg_{days}d"), TagKind.Value, TagValueType.Decimal,
                        Both("suggest.def.avg", fact, column, days), $"round(avg('{fact}', {column}, within: {days}d), 2)"));
                }
                if (f.Terciles is { } t && t.High > t.Low)
                {
                    var (low, high) = (Number(t.Low), Number(t.High));
                    var sum = $"sum('{fact}', {column}, within: 365d)";
                    string[] bands = [Texts.T("suggest.band.high"), Texts.T("suggest.band.medium"), Texts.T("suggest.band.low")];
                    list.Add(Make(f, Texts.T("suggest.name.band", fact, column), Code(fact, column, "sum_365d_band"), TagKind.Enum, TagValueType.String,
                        Both("suggest.def.band", fact, column, high, low),
                        $"case when {sum} >= {high} then '{bands[0]}' when {sum} >= {low} then '{bands[1]}' when {sum} is not null then '{bands[2]}' end", bands));
                }
                break;
            case TagValueType.Date or TagValueType.Timestamp:
                list.Add(Make(f, Texts.T("suggest.name.last", fact, column), Code(fact, column, "last"), TagKind.Value, f.Type,
                    Both("suggest.def.last", fact, column), $"max('{fact}', {column})"));
                if (f.IsEventTime)
                    list.Add(Make(f, Texts.T("suggest.name.days", fact), Code(fact, "days_since"), TagKind.Value, TagValueType.Int,
                        Both("suggest.def.days", fact, column), $"days_since('{fact}')"));
                break;
            case TagValueType.Bool:
                list.Add(Make(f, Texts.T("suggest.name.share", fact, column, 90), Code(fact, column, "share_90d"), TagKind.Value, TagValueType.Decimal,
                    Both("suggest.def.share", fact, column, 90), $"round(count('{fact}', within: 90d, where: {column} = true) / count('{fact}', within: 90d), 4)"));
                break;
            default:
                return ([], "suggest.skip.type");
        }
        return (list, null);
    }

    private static TagSuggestion Make(FieldFacts f, string name, string code, TagKind kind, TagValueType type, string definition, string rule,
        IReadOnlyList<string>? values = null) => new()
        {
            Source = f.Source,
            Column = f.Column,
            Name = name,
            Code = code,
            Kind = kind,
            Type = type,
            Definition = definition,
            Rule = rule,
            Values = kind == TagKind.Enum ? values ?? [] : [],
        };

    private static string Code(params string[] parts) => TagCodes.Snake(parts);

    /// <summary>口径 in both languages: a dictionary is read by both teams.</summary>
    private static string Both(string key, params object[] args) =>
        Texts.Format(key, Language.Zh, args) + " / " + Texts.Format(key, Language.En, args);

    private static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
