using System.Text.RegularExpressions;
using Shouldly;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Tests.Tags;

public sealed class TagConventionCheckTests
{
    private static TagDefinition Tag(string name, string code, string path, string? owner = "数据中台", string? definition = "口径") => new()
    {
        Name = name,
        Code = code,
        Path = path.Split('/'),
        Kind = TagKind.Value,
        Type = TagValueType.Int,
        Owner = owner,
        Definition = definition,
        Rule = "1",
        File = "tags/行为.yaml",
    };

    [Fact]
    public void Check_EachRule_BrokenTagsNamedOnce()
    {
        Texts.Current = Language.En;
        var catalog = TagCatalog.From([
            Tag("近30天访问次数", "visits_30d", "行为/活跃"),                      // keeps every rule
            Tag("访问", "Visits", "行为"),                                         // code pattern, depth
            Tag("一个非常非常长的标签名称超过十个字", "long_name", "行为/活跃"),       // 17 characters > 10
            Tag("无口径", "no_definition", "行为/活跃", owner: null, definition: " "), // owner and definition missing
        ]);
        var convention = new TagConvention
        {
            PathDepth = 2,
            CodePattern = new Regex("^[a-z][a-z0-9_]*$"),
            NameMaxLength = 10,
            Required = ["owner", "definition"],
        };

        var breaks = TagConventionCheck.Check(catalog, convention);

        breaks.Select(b => (b.Tag, b.Rule)).ShouldBe([
            ("访问", "path_depth"), ("访问", "code_pattern"),
            ("一个非常非常长的标签名称超过十个字", "name_max_length"),
            ("无口径", "required"), ("无口径", "required"),
        ]);
        breaks[2].Message.ShouldContain("17");
    }

    [Fact]
    public void Check_NoConvention_NothingReported() =>
        TagConventionCheck.Check(TagCatalog.From([Tag("访问", "Visits", "行为", owner: null)]), new TagConvention()).ShouldBeEmpty();
}
