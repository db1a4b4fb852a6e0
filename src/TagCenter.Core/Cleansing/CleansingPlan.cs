using System.Globalization;
using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Cleansing;

/// <summary>
/// Builds the one SQL pass that standardises and checks every column of a source. Input: a relation with
/// <c>_line</c> and one VARCHAR per declared column (named after the column). Output columns: <c>_line</c>,
/// each column with its standard type, <c>_error</c> (the first reason the row must go to quarantine, a
/// struct of column, reason and raw value) and <c>_nulled</c> (values set to null under <c>on_invalid: null</c>).
/// </summary>
public static class CleansingPlan
{
    public static string Select(SourceDefinition source, string rawRelation, string countryCode)
    {
        var columns = source.Columns;
        var normalised = string.Join(", ", columns.Select(c => $"{Normalise(SqlText.Ident(c.Name))} AS {SqlText.Ident(c.Name)}"));
        var standard = string.Join(", ", columns.Select(c =>
            $"{SqlText.Ident(c.Name)}, {StandardiserSql.For(c, Mapped(c), countryCode)} AS {Clean(c)}"));
        var checks = string.Join(", ", columns.Select(c => $"{SqlText.Ident(c.Name)}, {Clean(c)}, {Check(c)} AS {Error(c)}"));

        var quarantining = columns.Select(c => (c, c.OnInvalid == InvalidValueAction.Quarantine
                ? Error(c)
                : $"CASE WHEN {Error(c)} = '{ReasonCodes.RequiredMissing}' THEN {Error(c)} END"))
            .Select(p => $"CASE WHEN {p.Item2} IS NOT NULL THEN {Problem(p.c, p.Item2)} END").ToList();
        var error = quarantining.Count == 0 ? "NULL" : quarantining.Count == 1 ? quarantining[0] : $"coalesce({string.Join(", ", quarantining)})";
        var nullable = columns.Where(c => c.OnInvalid == InvalidValueAction.Null).ToList();
        var nulled = nullable.Count == 0
            ? "CAST(NULL AS STRUCT(\"column\" VARCHAR, reason VARCHAR, raw VARCHAR)[])"
            : $"list_filter([{string.Join(", ", nullable.Select(c => $"CASE WHEN {Error(c)} IS NOT NULL THEN {Problem(c, Error(c))} END"))}], x -> x IS NOT NULL)";
        var outputs = string.Join(", ", columns.Select(c => c.OnInvalid == InvalidValueAction.Null
            ? $"CASE WHEN {Error(c)} IS NULL THEN {Clean(c)} END AS {SqlText.Ident(c.Name)}"
            : $"{Clean(c)} AS {SqlText.Ident(c.Name)}"));

        return $"""
            SELECT _line, {outputs}, {error} AS _error, {nulled} AS _nulled
            FROM (SELECT _line, {checks}
                  FROM (SELECT _line, {standard}
                        FROM (SELECT _line, {normalised} FROM {rawRelation})))
            """;
    }

    /// <summary>Marks every later row with the same de-duplication key as a duplicate of the first one.</summary>
    public static string MarkDuplicates(SourceDefinition source, string stagedTable)
    {
        var keys = string.Join(", ", source.Dedupe.Select(SqlText.Ident));
        var notNull = string.Join(" AND ", source.Dedupe.Select(k => $"{SqlText.Ident(k)} IS NOT NULL"));
        var firstKey = SqlText.Literal(source.Dedupe[0]);
        return $$"""
            UPDATE {{stagedTable}} SET _error = {'column': {{firstKey}}, 'reason': '{{ReasonCodes.Duplicate}}', 'raw': CAST(d.k AS VARCHAR) || ' (first seen at line ' || d.first_line || ')'}
            FROM (SELECT _line, {{SqlText.Ident(source.Dedupe[0])}} AS k, first_value(_line) OVER w AS first_line, row_number() OVER w AS rn
                  FROM {{stagedTable}} WHERE _error IS NULL AND {{notNull}}
                  WINDOW w AS (PARTITION BY {{keys}} ORDER BY _line)) d
            WHERE {{stagedTable}}._line = d._line AND d.rn > 1
            """;
    }

    /// <summary>Trims (also full-width spaces) and turns the usual spellings of "nothing" into NULL.</summary>
    public static string Normalise(string v) =>
        $"(CASE WHEN lower(trim({v}, ' \t\r\n　')) IN ('', 'null', 'nil', 'none', 'n/a', 'na', '\\n', '-', 'undefined') THEN NULL ELSE trim({v}, ' \t\r\n　') END)";

    private static string Mapped(ColumnDefinition c)
    {
        var v = SqlText.Ident(c.Name);
        if (c.Map is null || c.Map.Count == 0)
            return v;
        var cases = string.Join(" ", c.Map.Select(kv => $"WHEN {SqlText.Literal(kv.Key)} THEN {SqlText.Literal(kv.Value)}"));
        return $"(CASE {v} {cases} ELSE {v} END)";
    }

    private static string Check(ColumnDefinition c)
    {
        var v = SqlText.Ident(c.Name);
        var clean = Clean(c);
        var whens = new List<string>();
        if (c.Required)
            whens.Add($"WHEN {v} IS NULL THEN '{ReasonCodes.RequiredMissing}'");
        if (c.Type != ColumnType.String)
            whens.Add($"WHEN {v} IS NOT NULL AND {clean} IS NULL THEN '{TypeReason(c.Type)}'");
        if (c.RejectPattern is not null)
            whens.Add($"WHEN regexp_matches({v}, {SqlText.Literal(c.RejectPattern)}) THEN '{ReasonCodes.RejectedValue}'");
        if (c.Values is { Count: > 0 })
            whens.Add($"WHEN {clean} IS NOT NULL AND CAST({clean} AS VARCHAR) NOT IN ({string.Join(", ", c.Values.Select(SqlText.Literal))}) THEN '{ReasonCodes.ValueNotAllowed}'");
        if (c.Pattern is not null)
            whens.Add($"WHEN {clean} IS NOT NULL AND NOT regexp_full_match(CAST({clean} AS VARCHAR), {SqlText.Literal(c.Pattern)}) THEN '{ReasonCodes.PatternMismatch}'");
        var measured = c.Type is ColumnType.Date or ColumnType.Timestamp ? $"year({clean})" : clean;
        if (c.Min is { } min)
            whens.Add($"WHEN {measured} < {min.ToString(CultureInfo.InvariantCulture)} THEN '{ReasonCodes.OutOfRange}'");
        if (c.Max is { } max)
            whens.Add($"WHEN {measured} > {max.ToString(CultureInfo.InvariantCulture)} THEN '{ReasonCodes.OutOfRange}'");
        return whens.Count == 0 ? "CAST(NULL AS VARCHAR)" : $"(CASE {string.Join(" ", whens)} END)";
    }

    public static string TypeReason(ColumnType type) => type switch
    {
        ColumnType.Phone => ReasonCodes.PhoneInvalid,
        ColumnType.Email => ReasonCodes.EmailInvalid,
        ColumnType.Gender => ReasonCodes.GenderUnknownCode,
        ColumnType.Date or ColumnType.Timestamp => ReasonCodes.DateUnparseable,
        ColumnType.Int => ReasonCodes.IntInvalid,
        ColumnType.Decimal => ReasonCodes.DecimalInvalid,
        ColumnType.Bool => ReasonCodes.BoolInvalid,
        ColumnType.City => ReasonCodes.CityInvalid,
        _ => ReasonCodes.ValueNotAllowed,
    };

    private static string Problem(ColumnDefinition c, string reason) =>
        $"{{'column': {SqlText.Literal(c.Name)}, 'reason': {reason}, 'raw': {SqlText.Ident(c.Name)}}}";

    private static string Clean(ColumnDefinition c) => SqlText.Ident(c.Name + "__std");

    private static string Error(ColumnDefinition c) => SqlText.Ident(c.Name + "__err");
}
