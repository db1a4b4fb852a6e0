using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Governance;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Tests.Governance;

public sealed class PiiDeclarationTests
{
    [Fact]
    public void TagFile_PiiKey_IsRead()
    {
        var diagnostics = new List<Diagnostic>();
        var tags = TagCatalog.ParseFile("tags/联系.yaml", """
            path: 基础属性/联系
            tags:
              手机号:
                code: mobile
                pii: phone
                rule: phone
              证件号:
                code: id_no
                pii: id_number
                rule: id_number
              城市:
                code: city
                rule: city
            """, diagnostics);
        diagnostics.ShouldBeEmpty();
        tags.Select(t => t.Pii).ShouldBe([PiiKind.Phone, PiiKind.IdNumber, null]);
    }

    [Fact]
    public void TagFile_UnknownPiiKind_IsADiagnostic()
    {
        var diagnostics = new List<Diagnostic>();
        TagCatalog.ParseFile("tags/x.yaml", """
            path: a
            tags:
              x:
                code: x
                pii: passport
                rule: phone
            """, diagnostics);
        diagnostics.ShouldHaveSingleItem().Message.ShouldContain("passport");
    }
}
