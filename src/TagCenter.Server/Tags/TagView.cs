using TagCenter.Core.Tags;

namespace TagCenter.Server.Tags;

/// <summary>One tag as the dictionary describes it (the shape of <c>tagcenter tags --json</c>): path, code, kind, type, 口径, owner, business line, refresh.</summary>
public sealed record TagView(string Path, string Name, string Code, TagKind Kind, TagValueType Type, string? Unit, IReadOnlyList<string> Values,
    string? Description, string? Definition, string? Rule, string? Owner, string BusinessLine, string Refresh, string Status)
{
    public static TagView Of(TagDefinition tag) => new(tag.FullPath, tag.Name, tag.Code, tag.Kind, tag.Type, tag.Unit, tag.Values,
        tag.Description, tag.Definition, tag.Rule, tag.Owner, tag.BusinessLine, tag.Refresh, tag.Status);
}

/// <summary>The tag tree: 维度 → 主题 → 标签.</summary>
public sealed record TagDimension(string Dimension, IReadOnlyList<TagTheme> Themes)
{
    public static IReadOnlyList<TagDimension> Tree(IEnumerable<TagDefinition> tags) =>
        [.. tags.GroupBy(t => t.Path.Count > 0 ? t.Path[0] : "")
            .Select(d => new TagDimension(d.Key, [.. d.GroupBy(t => string.Join("/", t.Path.Skip(1)))
                .Select(th => new TagTheme(th.Key, [.. th.Select(TagView.Of)]))]))];
}

public sealed record TagTheme(string Theme, IReadOnlyList<TagView> Tags);
