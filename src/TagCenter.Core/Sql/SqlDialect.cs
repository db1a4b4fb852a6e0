using TagCenter.Core.Tags;

namespace TagCenter.Core.Sql;

/// <summary>
/// The few things the tag compiler writes differently per engine. Everything else (CASE, FILTER, COALESCE,
/// joins, parameters) is standard SQL and written once. Aggregates are templates with a <c>{filter}</c> slot.
/// </summary>
public abstract class SqlDialect
{
    public static readonly SqlDialect DuckDb = new DuckDbDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();

    /// <summary>The value in the declared type, or NULL when it does not fit.</summary>
    public abstract string TryCast(string sql, TagValueType type);

    public abstract string TypeName(TagValueType type);

    /// <summary>Whole calendar days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public abstract string DaysBetween(string from, string to);

    /// <summary>A timestamp minus a window such as 30d.</summary>
    public abstract string Minus(string timestamp, string window);

    public abstract string ArgMin(string value, string by);

    public abstract string ArgMax(string value, string by);

    public abstract string Mode(string value);

    public abstract string ListContains(string list, string item);

    public abstract string TextContains(string text, string part);

    public abstract string Double { get; }

    public abstract string Round(string number, string digits);

    /// <summary>Whether a SELECT list may use an alias defined earlier in the same list (DuckDB yes, PostgreSQL no).</summary>
    public abstract bool LateralAliases { get; }

    private sealed class DuckDbDialect : SqlDialect
    {
        public override string TryCast(string sql, TagValueType type) => $"TRY_CAST({sql} AS {TypeName(type)})";
        public override string TypeName(TagValueType type) => type.Sql();
        public override string DaysBetween(string from, string to) => $"date_diff('day', {from}, {to})";
        public override string Minus(string timestamp, string window) => $"{timestamp} - {Expressions.Durations.Sql(window)}";
        public override string ArgMin(string value, string by) => $"arg_min({value}, {by}){{filter}}";
        public override string ArgMax(string value, string by) => $"arg_max({value}, {by}){{filter}}";
        public override string Mode(string value) => $"mode({value}){{filter}}";
        public override string ListContains(string list, string item) => $"list_contains({list}, {item})";
        public override string TextContains(string text, string part) => $"contains({text}, {part})";
        public override string Double => "DOUBLE";
        public override string Round(string number, string digits) => $"round({number}, CAST({digits} AS INTEGER))";
        public override bool LateralAliases => true;
    }

    /// <summary>For running tag definitions inside a user's own PostgreSQL, where the data already is.</summary>
    private sealed class PostgresDialect : SqlDialect
    {
        // The binder only lets through rules whose type converts to the declared one, so a plain cast cannot fail.
        public override string TryCast(string sql, TagValueType type) => $"CAST({sql} AS {TypeName(type)})";

        public override string TypeName(TagValueType type) => type switch
        {
            TagValueType.Decimal => "NUMERIC(18,2)",
            TagValueType.List => "TEXT[]",
            TagValueType.String or TagValueType.Unknown or TagValueType.Null => "TEXT",
            _ => type.Sql(),
        };

        public override string DaysBetween(string from, string to) => $"(CAST({to} AS DATE) - CAST({from} AS DATE))";
        public override string Minus(string timestamp, string window) => $"{timestamp} - INTERVAL '{PostgresInterval(window)}'";
        public override string ArgMin(string value, string by) => $"(array_agg({value} ORDER BY {by}){{filter}})[1]";
        public override string ArgMax(string value, string by) => $"(array_agg({value} ORDER BY {by} DESC){{filter}})[1]";
        public override string Mode(string value) => $"mode() WITHIN GROUP (ORDER BY {value}){{filter}}";
        public override string ListContains(string list, string item) => $"({item} = ANY({list}))";
        public override string TextContains(string text, string part) => $"(strpos({text}, {part}) > 0)";
        public override string Double => "DOUBLE PRECISION";
        public override string Round(string number, string digits) => $"round(CAST({number} AS NUMERIC), CAST({digits} AS INTEGER))";
        public override bool LateralAliases => false;

        private static string PostgresInterval(string window)
        {
            var digits = new string(window.TakeWhile(char.IsDigit).ToArray());
            var unit = window[digits.Length..] switch { "h" => "hours", "d" => "days", "w" => "weeks", "mo" => "months", _ => "years" };
            return $"{digits} {unit}";
        }
    }
}
