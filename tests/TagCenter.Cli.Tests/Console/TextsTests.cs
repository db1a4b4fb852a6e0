using Shouldly;
using TagCenter.Cli.Console;
using TagCenter.Core.Cleansing;

namespace TagCenter.Cli.Tests.Console;

public sealed class TextsTests
{
    [Fact]
    public void Reason_EveryCode_TranslatedInBothLanguages()
    {
        var codes = typeof(ReasonCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        var zh = Texts.For("zh-CN");
        var en = Texts.For("en");

        foreach (var code in codes)
        {
            zh.Reason(code).ShouldNotBe(code, $"no Chinese text for {code}");
            Texts.Keys.ShouldContain("reason." + code, $"no English text for {code}");
            en.Reason(code).ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Theory]
    [InlineData("zh", true)]
    [InlineData("zh-CN", true)]
    [InlineData("en-US", false)]
    public void For_Language_Picked(string lang, bool chinese) => Texts.For(lang).Chinese.ShouldBe(chinese);
}
