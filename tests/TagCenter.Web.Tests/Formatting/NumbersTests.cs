using TagCenter.Core.Text;
using TagCenter.Web.Formatting;

namespace TagCenter.Web.Tests.Formatting;

/// <summary>Counts as each language's readers write them, against figures written by hand.</summary>
public sealed class NumbersTests
{
    [Theory]
    [InlineData(0L, "0")]
    [InlineData(999L, "999")]
    [InlineData(9_999L, "9,999")]
    [InlineData(10_000L, "1万")]
    [InlineData(12_345L, "1.23万")]
    [InlineData(1_234_567L, "123.46万")]
    [InlineData(99_990_000L, "9,999万")]
    [InlineData(100_000_000L, "1亿")]
    [InlineData(1_250_000_000L, "12.5亿")]
    [InlineData(-25_000L, "-2.5万")]
    public void Count_Chinese_UsesWanAndYiAboveTenThousand(long value, string expected) => Numbers.Count(value, Language.Zh).ShouldBe(expected);

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(9_999L, "9,999")]
    [InlineData(1_234_567L, "1,234,567")]
    [InlineData(10_000_000L, "10,000,000")]
    public void Count_English_UsesThousandsSeparators(long value, string expected) => Numbers.Count(value, Language.En).ShouldBe(expected);

    [Theory]
    [InlineData(0.0676, "6.8%")]
    [InlineData(1.0, "100.0%")]
    [InlineData(0.0, "0.0%")]
    public void Share_IsAPercentageWithOneDecimal(double value, string expected) => Numbers.Share(value).ShouldBe(expected);
}
