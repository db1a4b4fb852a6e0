using TagCenter.Core.Expressions;
using TagCenter.Core.Tags;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.Core.Sql;

/// <summary>
/// The few things the tag compiler writes differently per engine, placeholders and intervals included.
/// Everything else (CASE, FILTER, COALESCE, joins) is standard SQL and written once. Aggregates take their
/// FILTER clause (possibly empty) as a fragment.
/// </summary>
public abstract class SqlDialect
{
    public static readonly SqlDialect DuckDb = new DuckDbDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();

    /// <summary>The placeholder of parameter number <paramref name="number"/> (1-based).</summary>
    public virtual string Placeholder(int number) => "$" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The value in the declared type, or NULL when it does not fit.</summary>
    public abstract SqlFragment TryCast(SqlFragment sql, TagValueType type);

    public abstract string TypeName(TagValueType type);

    /// <summary>Whole calendar days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public abstract SqlFragment DaysBetween(SqlFragment from, SqlFragment to);

    /// <summary>A timestamp minus a window such as 30d; the window's length is a bound parameter.</summary>
    public abstract SqlFragment Minus(SqlFragment timestamp, Window window);

    /// <summary>The value of the row with the smallest <paramref name="by"/>; rows that tie go to the smallest value (the
    /// filter keeps rows with a value and a time only), so identical runs give identical tags on every engine.</summary>
    public abstract SqlFragment ArgMin(SqlFragment value, SqlFragment by, SqlFragment filter, TagValueType type);

    /// <summary>The value of the row with the largest <paramref name="by"/>; rows that tie go to the largest value.</summary>
    public abstract SqlFragment ArgMax(SqlFragment value, SqlFragment by, SqlFragment filter, TagValueType type);

    /// <summary>The most frequent non-null value; ties go to the smallest value, so identical runs give identical tags.</summary>
    public abstract SqlFragment Mode(SqlFragment value, SqlFragment filter, TagValueType type);

    public abstract SqlFragment ListContains(SqlFragment list, SqlFragment item);

    public abstract SqlFragment TextContains(SqlFragment text, SqlFragment part);

    public abstract string Double { get; }

    public abstract SqlFragment Round(SqlFragment number, SqlFragment digits);

    /// <summary>Whether a SELECT list may use an alias defined earlier in the same list (DuckDB yes, PostgreSQL no).</summary>
    public abstract bool LateralAliases { get; }

    /// <summary>The unit's plural, the word both engines build intervals from (DuckDB <c>to_days</c>, PostgreSQL <c>days =&gt;</c>).</summary>
    private static string Plural(WindowUnit unit) => unit switch
    {
        WindowUnit.Hour => "hours",
        WindowUnit.Day => "days",
        WindowUnit.Week => "weeks",
        WindowUnit.Month => "months",
        _ => "years",
    };

    private sealed class DuckDbDialect : SqlDialect
    {
        public override SqlFragment TryCast(SqlFragment sql, TagValueType type) => Of($"TRY_CAST({sql} AS {Raw(TypeName(type))})");
        public override string TypeName(TagValueType type) => type.Sql();
        public override SqlFragment DaysBetween(SqlFragment from, SqlFragment to) => Of($"date_diff('day', {from}, {to})");

        public override SqlFragment Minus(SqlFragment timestamp, Window window)
        {
            return Of($"{timestamp} - {Raw("to_" + Plural(window.Unit))}(CAST({Value(window.Amount)} AS INTEGER))");
        }

        // arg_min/arg_max alone pick any of the rows that tie on time: the key is (time, value), compared field by field.
        public override SqlFragment ArgMin(SqlFragment value, SqlFragment by, SqlFragment filter, TagValueType type) => Of($"arg_min({value}, struct_pack(t := {by}, v := {value})){filter}");
        public override SqlFragment ArgMax(SqlFragment value, SqlFragment by, SqlFragment filter, TagValueType type) => Of($"arg_max({value}, struct_pack(t := {by}, v := {value})){filter}");
        // mode() breaks ties arbitrarily (a rerun could change the tag and its history): count each value
        // (histogram) and take the smallest (-count, value), i.e. the most frequent, ties to the smallest value.
        public override SqlFragment Mode(SqlFragment value, SqlFragment filter, TagValueType type) => Of($"""
            struct_extract(list_min(list_transform(list_filter(map_entries(histogram({value}){filter}), lambda e: e.key IS NOT NULL),
                lambda e: struct_pack(n := -CAST(e.value AS BIGINT), k := e.key))), 'k')
            """);
        public override SqlFragment ListContains(SqlFragment list, SqlFragment item) => Of($"list_contains({list}, {item})");
        public override SqlFragment TextContains(SqlFragment text, SqlFragment part) => Of($"contains({text}, {part})");
        public override string Double => "DOUBLE";
        public override SqlFragment Round(SqlFragment number, SqlFragment digits) => Of($"round({number}, CAST({digits} AS INTEGER))");
        public override bool LateralAliases => true;
    }

    /// <summary>For running tag definitions inside a user's own PostgreSQL, where the data already is.</summary>
    private sealed class PostgresDialect : SqlDialect
    {
        // The binder only lets through rules whose type converts to the declared one, so a plain cast cannot fail.
        public override SqlFragment TryCast(SqlFragment sql, TagValueType type) => Of($"CAST({sql} AS {Raw(TypeName(type))})");

        public override string TypeName(TagValueType type) => type switch
        {
            TagValueType.Decimal => "NUMERIC(18,2)",
            TagValueType.List => "TEXT[]",
            TagValueType.String or TagValueType.Unknown or TagValueType.Null => "TEXT",
            _ => type.Sql(),
        };

        public override SqlFragment DaysBetween(SqlFragment from, SqlFragment to) => Of($"(CAST({to} AS DATE) - CAST({from} AS DATE))");

        public override SqlFragment Minus(SqlFragment timestamp, Window window)
        {
            return Of($"{timestamp} - make_interval({Raw(Plural(window.Unit))} => CAST({Value(window.Amount)} AS INTEGER))");
        }

        public override SqlFragment ArgMin(SqlFragment value, SqlFragment by, SqlFragment filter, TagValueType type) => Of($"(array_agg({value} ORDER BY {by}, {Binary(value, type)}){filter})[1]");
        public override SqlFragment ArgMax(SqlFragment value, SqlFragment by, SqlFragment filter, TagValueType type) => Of($"(array_agg({value} ORDER BY {by} DESC, {Binary(value, type)} DESC){filter})[1]");

        // Text ties are broken in code-point order, as DuckDB and the evaluator compare, whatever the database's collation.
        private static SqlFragment Binary(SqlFragment value, TagValueType type) => type == TagValueType.String ? Of($"{value} COLLATE \"C\"") : value;
        // PostgreSQL's mode() takes the first of equally frequent values in the ORDER BY: the smallest, as DuckDB's
        // (text in code-point order, whatever the database's collation).
        public override SqlFragment Mode(SqlFragment value, SqlFragment filter, TagValueType type) => Of($"mode() WITHIN GROUP (ORDER BY {Binary(value, type)}){filter}");
        public override SqlFragment ListContains(SqlFragment list, SqlFragment item) => Of($"({item} = ANY({list}))");
        public override SqlFragment TextContains(SqlFragment text, SqlFragment part) => Of($"(strpos({text}, {part}) > 0)");
        public override string Double => "DOUBLE PRECISION";
        public override SqlFragment Round(SqlFragment number, SqlFragment digits) => Of($"round(CAST({number} AS NUMERIC), CAST({digits} AS INTEGER))");
        public override bool LateralAliases => false;
    }
}
