namespace TagCenter.Client;

/// <summary>One tag as the dictionary describes it: path, code, kind (<c>rule</c>, <c>sql</c>, <c>model</c>, …), value type, 口径, owner, business line, refresh.</summary>
public sealed record TagView(string Path, string Name, string Code, string Kind, string Type, string? Unit, IReadOnlyList<string> Values,
    string? Description, string? Definition, string? Rule, string? Owner, string BusinessLine, string Refresh, string Status);

/// <summary>A 维度 of the tag tree with its 主题.</summary>
public sealed record TagDimension(string Dimension, IReadOnlyList<TagTheme> Themes);

/// <summary>A 主题 with its tags.</summary>
public sealed record TagTheme(string Theme, IReadOnlyList<TagView> Tags);
