using Shouldly;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Tags;

namespace TagCenter.Core.Tests.Tags;

public sealed class TagCatalogTests
{
    [Fact]
    public void ParseFile_FromAndRule_DiagnosticAtFrom()
    {
        var diagnostics = new List<Diagnostic>();
        const string yaml = """
            path: 测试
            tags:
              城市:
                code: city
                rule: city
                from: home_city
            """;

        TagCatalog.ParseFile("tags/t.yaml", yaml, diagnostics);

        var d = diagnostics.ShouldHaveSingleItem();
        d.ToString().ShouldStartWith("tags/t.yaml:6:11: tag '城市' has both 'from:' and 'rule:'");
    }

    [Fact]
    public void ParseFile_FromOnly_RuleIsTheField()
    {
        var diagnostics = new List<Diagnostic>();

        var tags = TagCatalog.ParseFile("tags/t.yaml", "path: 测试\ntags:\n  城市: { code: city, from: city }\n", diagnostics);

        diagnostics.ShouldBeEmpty();
        tags.ShouldHaveSingleItem().Rule.ShouldBe("city");
    }
}
