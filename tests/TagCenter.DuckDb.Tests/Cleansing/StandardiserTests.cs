using DuckDB.NET.Data;
using Shouldly;
using TagCenter.Core.Cleansing;
using TagCenter.Core.Sql;
using TagCenter.Core.Workspace;

namespace TagCenter.DuckDb.Tests.Cleansing;

/// <summary>Every standardiser, as a table of raw input → standard value, run on DuckDB itself.</summary>
public sealed class StandardiserTests : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public StandardiserTests() => _connection.Open();

    private object? Run(ColumnType type, string? raw, string unit = "yuan", string country = "86")
    {
        var column = new ColumnDefinition { Name = "v", From = "v", Type = type, Unit = unit };
        using var command = _connection.CreateCommand();
        var input = raw is null ? "CAST(NULL AS VARCHAR)" : SqlText.Literal(raw);
        command.CommandText = $"SELECT {StandardiserSql.For(column, "v", country)} FROM (SELECT {CleansingPlan.Normalise(input)} AS v)";
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    [Theory]
    [InlineData("13800138000", "+8613800138000")]
    [InlineData("138 0013 8000", "+8613800138000")]
    [InlineData("+86-13800138000", "+8613800138000")]
    [InlineData("8613800138000", "+8613800138000")]
    [InlineData("0086 138-0013-8000", "+8613800138000")]
    [InlineData("(138)0013.8000", "+8613800138000")]
    [InlineData(" 15912345678 ", "+8615912345678")]
    [InlineData("+1 415 555 2671", "+14155552671")]
    [InlineData("1380013800", null)]
    [InlineData("12800138000", null)]
    [InlineData("00000000000", null)]
    [InlineData("138001380001", null)]
    [InlineData("abc", null)]
    [InlineData("", null)]
    [InlineData("null", null)]
    public void Phone_ChineseFormats_E164(string raw, string? expected) => Run(ColumnType.Phone, raw).ShouldBe(expected);

    [Fact]
    public void Phone_OtherDefaultCountry_PrefixesThatCode() =>
        Run(ColumnType.Phone, "0612345678", country: "33").ShouldBe("+33612345678");

    [Theory]
    [InlineData(" Zhang.San@Example.COM ", "zhang.san@example.com")]
    [InlineData("li_si+shop@qq.com", "li_si+shop@qq.com")]
    [InlineData("wang＠163.com", "wang@163.com")]
    [InlineData("not-an-email", null)]
    [InlineData("a@b", null)]
    [InlineData("two@@signs.com", null)]
    public void Email_TrimmedLowerCased(string raw, string? expected) => Run(ColumnType.Email, raw).ShouldBe(expected);

    [Theory]
    [InlineData("男", "male")]
    [InlineData("M", "male")]
    [InlineData("m", "male")]
    [InlineData("1", "male")]
    [InlineData("Male", "male")]
    [InlineData("先生", "male")]
    [InlineData("女", "female")]
    [InlineData("F", "female")]
    [InlineData("0", "female")]
    [InlineData("2", "female")]
    [InlineData("female", "female")]
    [InlineData("保密", "unknown")]
    [InlineData("未知", "unknown")]
    [InlineData("X", null)]
    public void Gender_ManySpellings_ThreeValues(string raw, string? expected) => Run(ColumnType.Gender, raw).ShouldBe(expected);

    [Theory]
    [InlineData("2024/1/5", "2024-01-05 00:00:00")]
    [InlineData("2024-01-05 10:00:00", "2024-01-05 10:00:00")]
    [InlineData("2024-01-05T10:00:00", "2024-01-05 10:00:00")]
    [InlineData("2024-01-05T10:00:00Z", "2024-01-05 10:00:00")]
    [InlineData("2024-01-05T10:00:00+08:00", "2024-01-05 10:00:00")]
    [InlineData("2024/01/05 10:30", "2024-01-05 10:30:00")]
    [InlineData("20240105", "2024-01-05 00:00:00")]
    [InlineData("2024年1月5日", "2024-01-05 00:00:00")]
    [InlineData("2024年01月05日 08:15:00", "2024-01-05 08:15:00")]
    [InlineData("2024.1.5", "2024-01-05 00:00:00")]
    [InlineData("1704420000", "2024-01-05 10:00:00")]
    [InlineData("1704420000000", "2024-01-05 10:00:00")]
    [InlineData("2024-13-45", null)]
    [InlineData("yesterday", null)]
    public void Timestamp_ChineseSystemFormats(string raw, string? expected)
    {
        var value = Run(ColumnType.Timestamp, raw);
        (value is DateTime t ? t.ToString("yyyy-MM-dd HH:mm:ss") : value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2024/1/5", "2024-01-05")]
    [InlineData("19900230", null)]
    [InlineData("1990-02-28", "1990-02-28")]
    public void Date_DropsTime(string raw, string? expected)
    {
        var value = Run(ColumnType.Date, raw);
        (value is DateOnly d ? d.ToString("yyyy-MM-dd") : value is DateTime t ? t.ToString("yyyy-MM-dd") : value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("12.5", "yuan", 12.50)]
    [InlineData("¥1,299.00", "yuan", 1299.00)]
    [InlineData("￥ 88", "yuan", 88.00)]
    [InlineData("1250分", "yuan", 12.50)]
    [InlineData("36元", "fen", 36.00)]
    [InlineData("1250", "fen", 12.50)]
    [InlineData("-30.5", "yuan", -30.50)]
    [InlineData("12,5x", "yuan", null)]
    public void Decimal_AmountsWithUnits_InYuan(string raw, string unit, double? expected)
    {
        var value = Run(ColumnType.Decimal, raw, unit);
        (value is null ? (double?)null : (double)(decimal)value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("上海市", "上海")]
    [InlineData("上海", "上海")]
    [InlineData("广东省广州市", "广州")]
    [InlineData("Shanghai", "上海")]
    [InlineData("beijing", "北京")]
    [InlineData("香港特别行政区", "香港")]
    [InlineData("内蒙古自治区呼和浩特市", "呼和浩特")]
    [InlineData("12345", null)]
    public void City_SuffixesAndPinyin_ShortName(string raw, string? expected) => Run(ColumnType.City, raw).ShouldBe(expected);

    [Theory]
    [InlineData("1,024", 1024L)]
    [InlineData("42", 42L)]
    [InlineData("4.2", null)]
    [InlineData("abc", null)]
    public void Int_ThousandsSeparators(string raw, long? expected) => Run(ColumnType.Int, raw).ShouldBe(expected);

    [Theory]
    [InlineData("是", true)]
    [InlineData("Y", true)]
    [InlineData("1", true)]
    [InlineData("否", false)]
    [InlineData("false", false)]
    [InlineData("maybe", null)]
    public void Bool_ChineseAndEnglish(string raw, bool? expected) => Run(ColumnType.Bool, raw).ShouldBe(expected);

    [Theory]
    [InlineData("  ")]
    [InlineData("NULL")]
    [InlineData("N/A")]
    [InlineData("\\N")]
    [InlineData("　")]
    public void Normalise_MissingSpellings_Null(string raw) => Run(ColumnType.String, raw).ShouldBeNull();

    public void Dispose() => _connection.Dispose();
}
