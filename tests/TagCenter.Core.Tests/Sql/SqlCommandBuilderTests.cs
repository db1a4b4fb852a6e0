using Shouldly;
using TagCenter.Core.Expressions;
using TagCenter.Core.Sql;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.Core.Tests.Sql;

public sealed class SqlCommandBuilderTests
{
    [Fact]
    public void Build_ValuesThatLookLikePlaceholders_StayValuesInOrder()
    {
        var fragment = Of($"x IN ({Join(", ", new[] { "$100+", "$1", "'; DROP TABLE t; --" }.Select(v => Value(v)))})");

        var command = new SqlCommandBuilder(SqlDialect.DuckDb).Append("SELECT ").Append(fragment).Build();

        command.Sql.ShouldBe("SELECT x IN ($1, $2, $3)");
        command.Parameters.ShouldBe(["$100+", "$1", "'; DROP TABLE t; --"]);
    }

    [Fact]
    public void Build_SharedValue_OneParameterWhereverUsed()
    {
        var asOf = new DateTime(2026, 11, 1);
        var command = new SqlCommandBuilder(SqlDialect.Postgres).Share(asOf)
            .Append(Of($"a <= {SharedValue(asOf)} AND b = {Value(5L)} AND c <= {SharedValue(asOf)}")).Build();

        command.Sql.ShouldBe("a <= $1 AND b = $2 AND c <= $1");
        command.Parameters.ShouldBe([asOf, 5L]);
    }

    [Fact]
    public void Fragments_SameTextAndValues_Equal_ForSharingAggregates()
    {
        Of($"count(*) FILTER (WHERE x = {Value("a")})").ShouldBe(Of($"count(*) FILTER (WHERE x = {Value("a")})"));
        Of($"count(*) FILTER (WHERE x = {Value("a")})").ShouldNotBe(Of($"count(*) FILTER (WHERE x = {Value("b")})"));
    }

    [Theory]
    [InlineData(WindowUnit.Day, "to_days", "days")]
    [InlineData(WindowUnit.Month, "to_months", "months")]
    [InlineData(WindowUnit.Hour, "to_hours", "hours")]
    public void Minus_Window_LengthIsBound(WindowUnit unit, string duck, string postgres)
    {
        var window = new Window(30, unit);

        var d = new SqlCommandBuilder(SqlDialect.DuckDb).Append(SqlDialect.DuckDb.Minus(Raw("t"), window)).Build();
        var p = new SqlCommandBuilder(SqlDialect.Postgres).Append(SqlDialect.Postgres.Minus(Raw("t"), window)).Build();

        d.Sql.ShouldBe($"t - {duck}(CAST($1 AS INTEGER))");
        p.Sql.ShouldBe($"t - make_interval({postgres} => CAST($1 AS INTEGER))");
        d.Parameters.ShouldBe([30]);
        p.Parameters.ShouldBe([30]);
    }
}
