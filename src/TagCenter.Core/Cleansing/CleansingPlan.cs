using System.Globalization;
using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Cleansing;

/// <summary>
/// Builds the one SQL pass that standardises and checks every column of a source. Input: a relation with
/// <c>_line</c> and one VARCHAR per declared column (named after the column). Output columns: <c>_line</c>,
/// each column with its standard type, <c>_error_column</c>, <c>_error_reason</c> and <c>_error_detail</c>
/// (the first reason the row must go to quarantine), and per <c>on_invalid: null</c> column a
/// <c>&lt;column&gt;__nulled</c> reason when its value was set to null. Flat columns, no structs or lists:
/// they keep the pass as cheap as a plain projection.
/// </summary>
public static class CleansingPlan
{
    /// <param name="lineExpression">The source line of a row in <paramref name="rawRelation"/>, or NULL when the
    /// caller numbers the staged rows afterwards (from their insertion order).</param>
    public static string Select(SourceDefinition source, string rawRelation, string countryCode, string lineExpression = "_line")
    {
        var columns = source.Columns;
        var raws = string.Concat(columns.Select(c => $", {Raw(c)}"));
        var normalised = string.Join(", ", columns.Select(c => $"{SqlText.Ident(c.Name)} AS {Raw(c)}, {Normalise(SqlText.Ident(c.Name))} AS {SqlText.Ident(c.Name)}"));
        var standard = string.Join(", ", columns.Select(c =>
            $"{SqlText.Ident(c.Name)}, {StandardiserSql.For(c, Mapped(c), countryCode)} AS {Clean(c)}"));
        var checks = string.Join(", ", columns.Select(c => $"{Clean(c)}, {Check(c)} AS {Error(c)}"));

        var rowErrors = columns.Select(c => (Column: c, Error: c.OnInvalid == InvalidValueAction.Quarantine
            ? Error(c)
            : $"CASE WHEN {Error(c)} = '{ReasonCodes.RequiredMissing}' THEN {Error(c)} END")).ToList();
        var reason = rowErrors.Count == 1 ? rowErrors[0].Error : $"coalesce({string.Join(", ", rowErrors.Select(e => e.Error))})";
        var column = $"CASE {string.Join(" ", rowErrors.Select(e => $"WHEN {e.Error} IS NOT NULL THEN {SqlText.Literal(e.Column.Name)}"))} END";
        var nulled = string.Concat(NullableColumns(source)
            .Select(c => $", CASE WHEN {Error(c)} <> '{ReasonCodes.RequiredMissing}' THEN {Error(c)} END AS {Nulled(c)}"));
        var outputs = string.Join(", ", columns.Select(c => c.OnInvalid == InvalidValueAction.Null
            ? $"CASE WHEN {Error(c)} IS NULL THEN {Clean(c)} END AS {SqlText.Ident(c.Name)}"
            : $"{Clean(c)} AS {SqlText.Ident(c.Name)}"));
        // The raw text is kept only for rows with a problem (it goes to quarantine), as one JSON object.
        var anyProblem = string.Join(" OR ", columns.Select(c => $"{Error(c)} IS NOT NULL"));
        var raw = $"CASE WHEN {anyProblem} THEN CAST(to_json(struct_pack({string.Join(", ", columns.Select(c => $"{SqlText.Ident(c.Name)} := {Raw(c)}"))})) AS VARCHAR) END";

        return $"""
            SELECT _line, {outputs}, {column} AS _error_column, {reason} AS _error_reason, CAST(NULL AS VARCHAR) AS _error_detail{nulled}, {raw} AS _raw
            FROM (SELECT _line{raws}, {checks}
                  FROM (SELECT _line{raws}, {standard}
                        FROM (SELECT CAST({lineExpression} AS BIGINT) AS _line, {normalised} FROM {rawRelation})))
            """;
    }

    /// <summary>The columns whose invalid values are nulled (and recorded) instead of quarantining the row.</summary>
    public static IEnumerable<ColumnDefinition> NullableColumns(SourceDefinition source) =>
        source.Columns.Where(c => c.OnInvalid == InvalidValueAction.Null);

    public static string Nulled(ColumnDefinition c) => SqlText.Ident(c.Name + "__nulled");

    /// <summary>Marks every later row with the same de-duplication key as a duplicate of the first one.</summary>
    public static string MarkDuplicates(SourceDefinition source, string stagedTable)
    {
        var keys = string.Join(", ", source.Dedupe.Select(SqlText.Ident));
        var notNull = string.Join(" AND ", source.Dedupe.Select(k => $"{SqlText.Ident(k)} IS NOT NULL"));
        return $"""
            UPDATE {stagedTable} SET _error_column = {SqlText.Literal(source.Dedupe[0])}, _error_reason = '{ReasonCodes.Duplicate}',
                   _error_detail = 'first seen at line ' || d.first_line,
                   _raw = CAST(to_json(struct_pack({string.Join(", ", source.Columns.Select(c => $"{SqlText.Ident(c.Name)} := {stagedTable}.{SqlText.Ident(c.Name)}"))})) AS VARCHAR)
            FROM (SELECT _line, first_value(_line) OVER w AS first_line, row_number() OVER w AS rn
                  FROM {stagedTable} WHERE _error_reason IS NULL AND {notNull}
                  WINDOW w AS (PARTITION BY {keys} ORDER BY _line)) d
            WHERE {stagedTable}._line = d._line AND d.rn > 1
            """;
    }

    private const string Blanks = " \t\r\n　";

    /// <summary>
    /// Trims (also full-width spaces) and turns the usual spellings of "nothing" into NULL. One cheap test
    /// sends the rare values that need it (a blank at either end, or a short word like 'null') to the slow
    /// branch; everything else passes through untouched.
    /// </summary>
    public static string Normalise(string v)
    {
        var edges = string.Join(" OR ", Blanks.Select(c => $"suffix({v}, '{c}')"));
        return $"(CASE WHEN ascii({v}) <= 32 OR prefix({v}, '　') OR {edges} " +
               $"THEN nullif(regexp_replace(trim({v}, '{Blanks}'), {NothingPattern}, ''), '') " +
               $"WHEN strlen({v}) <= 9 AND {v} IN ({NothingList}) THEN NULL ELSE {v} END)";
    }

    // Exact spellings, not lower(): lower() on every short value costs more than the rest of the pass.
    private static readonly string[] NothingWords =
        ["", "null", "NULL", "Null", "nil", "NIL", "none", "None", "NONE", "n/a", "N/A", "na", "NA", "\\N", "\\n", "-", "undefined", "Undefined"];

    private static readonly string NothingList = string.Join(", ", NothingWords.Select(SqlText.Literal));

    private static readonly string NothingPattern = SqlText.Literal(
        "^(?:" + string.Join("|", NothingWords.Where(w => w.Length > 0).Select(w => w.Replace("\\", "\\\\", StringComparison.Ordinal))) + ")$");

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

    private static string Clean(ColumnDefinition c) => SqlText.Ident(c.Name + "__std");

    private static string Raw(ColumnDefinition c) => SqlText.Ident(c.Name + "__raw");

    private static string Error(ColumnDefinition c) => SqlText.Ident(c.Name + "__err");
}
