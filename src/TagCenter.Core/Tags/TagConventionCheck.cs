using TagCenter.Core.Text;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Tags;

/// <summary>One way a tag breaks the workspace's naming convention.</summary>
public sealed record ConventionBreak(string Tag, string File, string Rule, string Message);

/// <summary>Checks every tag against the workspace's naming convention (<c>conventions.tags</c>); reported by <c>plan</c>.</summary>
public static class TagConventionCheck
{
    public static IReadOnlyList<ConventionBreak> Check(TagCatalog catalog, TagConvention convention)
    {
        var breaks = new List<ConventionBreak>();
        foreach (var tag in catalog.Tags)
        {
            void Break(string rule, string message) => breaks.Add(new ConventionBreak(tag.Name, tag.File, rule, message));
            if (convention.PathDepth is { } depth && tag.Path.Count != depth)
                Break("path_depth", Texts.T("tags.convention.depth", tag.FullPath, tag.Path.Count, depth));
            if (convention.CodePattern is { } pattern && !pattern.IsMatch(tag.Code))
                Break("code_pattern", Texts.T("tags.convention.code", tag.Code, pattern.ToString()));
            if (convention.NameMaxLength is { } max && tag.Name.Length > max)
                Break("name_max_length", Texts.T("tags.convention.length", tag.Name.Length, max));
            foreach (var field in convention.Required.Where(f => string.IsNullOrWhiteSpace(Value(tag, f))))
                Break("required", Texts.T("tags.convention.required", field));
        }
        return breaks;
    }

    private static string? Value(TagDefinition tag, string field) => field switch
    {
        "owner" => tag.Owner,
        "definition" => tag.Definition,
        "description" => tag.Description,
        "unit" => tag.Unit,
        "business_line" => tag.BusinessLine,
        _ => null,
    };
}
