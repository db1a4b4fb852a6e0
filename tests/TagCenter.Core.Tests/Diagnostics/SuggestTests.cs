using Shouldly;
using TagCenter.Core.Diagnostics;

namespace TagCenter.Core.Tests.Diagnostics;

public sealed class SuggestTests
{
    [Theory]
    [InlineData("pth", "path")]
    [InlineData("encodng", "encoding")]
    [InlineData("PHONE", "phone")]
    [InlineData("zzzzzz", null)]
    public void Closest_Typos_Suggested(string input, string? expected) =>
        Suggest.Closest(input, ["path", "encoding", "phone", "kind"]).ShouldBe(expected);

    [FsCheck.Xunit.Property]
    public bool Distance_IsSymmetricAndZeroOnlyForEqual(string a, string b)
    {
        a ??= "";
        b ??= "";
        var d = Suggest.Distance(a, b);
        return d == Suggest.Distance(b, a) && (d == 0) == (a == b) && d <= Math.Max(a.Length, b.Length);
    }
}
