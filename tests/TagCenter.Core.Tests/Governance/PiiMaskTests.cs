using Shouldly;
using TagCenter.Core.Governance;

namespace TagCenter.Core.Tests.Governance;

/// <summary>Every expected value below was written out by hand from the masking rules in the README's security model.</summary>
public sealed class PiiMaskTests
{
    [Theory]
    [InlineData("13812348000", "138****8000")]
    [InlineData("138-1234-8000", "138-****-8000")]
    [InlineData("138 1234 8000", "138 **** 8000")]
    [InlineData("+86 13812348000", "138****8000")]
    [InlineData("+8613812348000", "138****8000")]
    [InlineData("8613812348000", "138****8000")]
    [InlineData("+86-138-1234-8000", "138-****-8000")]
    [InlineData("+44 2071838750", "+44 2*****8750")]
    [InlineData("１３８１２３４８０００", "１３８****８０００")]
    [InlineData("12345", "****5")]
    [InlineData("1234567890", "********90")]
    [InlineData("7", "*")]
    [InlineData("n/a", "***")]
    public void Phone_KeepsFirstThreeAndLastFourDigits(string value, string masked) =>
        PiiMask.Mask(PiiKind.Phone, value).ShouldBe(masked);

    [Theory]
    [InlineData("zhang@qq.com", "z***@qq.com")]
    [InlineData("zhangsan.long.name@example.com.cn", "z***@example.com.cn")]
    [InlineData("z@qq.com", "***@qq.com")]
    [InlineData("😀abc@qq.com", "😀***@qq.com")]
    [InlineData("张三@公司.cn", "张***@公司.cn")]
    [InlineData("noatsign", "n*******")]
    public void Email_KeepsFirstCharacterAndDomain(string value, string masked) =>
        PiiMask.Mask(PiiKind.Email, value).ShouldBe(masked);

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张三丰", "张**")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("张", "*")]
    [InlineData("👩‍👩‍👧小明", "👩‍👩‍👧**")]
    [InlineData("Li Wei", "L*****")]
    public void Name_KeepsTheFirstCharacter(string value, string masked) =>
        PiiMask.Mask(PiiKind.Name, value).ShouldBe(masked);

    [Theory]
    [InlineData("浙江省杭州市西湖区文三路90号", "浙江省杭州市***")]
    [InlineData("北京市朝阳区建国路1号", "北京市***")]
    [InlineData("广西壮族自治区南宁市青秀区民族大道", "广西壮族自治区南宁市***")]
    [InlineData("新疆维吾尔自治区某县某路", "新疆维吾尔自治区***")]
    [InlineData("广东省某镇某村", "广东省***")]
    [InlineData("西湖区文三路90号", "***")]
    [InlineData("上海市", "上海市")]
    public void Address_IsKeptToTheCity(string value, string masked) =>
        PiiMask.Mask(PiiKind.Address, value).ShouldBe(masked);

    [Theory]
    [InlineData("110101199003071234", "110***********1234")]
    [InlineData("11010119900307123X", "110***********123X")]
    [InlineData("110101900307123", "110********7123")]
    [InlineData("1234", "***4")]
    public void IdNumber_KeepsRegionAndLastFour(string value, string masked) =>
        PiiMask.Mask(PiiKind.IdNumber, value).ShouldBe(masked);

    [Theory]
    [InlineData(PiiKind.Phone)]
    [InlineData(PiiKind.Email)]
    [InlineData(PiiKind.Name)]
    [InlineData(PiiKind.Address)]
    [InlineData(PiiKind.IdNumber)]
    public void NullAndEmpty_StayAsTheyAre(PiiKind kind)
    {
        PiiMask.Mask(kind, null).ShouldBeNull();
        PiiMask.Mask(kind, "").ShouldBe("");
    }

    [Fact]
    public void Mask_NeverSplitsASurrogatePair()
    {
        var masked = PiiMask.Mask(PiiKind.Name, "𠮷野家")!;
        masked.ShouldBe("𠮷**");
        char.IsHighSurrogate(masked[^1]).ShouldBeFalse();
    }
}
