using System.Text.RegularExpressions;

namespace TagCenter.Core.Workspace;

/// <summary>
/// The workspace's naming convention for tags (标签命名规范): how deep the tree path is, what codes look like,
/// how long names may be, which fields every tag must fill in. <c>plan</c> reports the tags that break it.
/// </summary>
public sealed record TagConvention
{
    public int? PathDepth { get; init; }

    public Regex? CodePattern { get; init; }

    public int? NameMaxLength { get; init; }

    /// <summary>Fields every tag must fill in: owner, definition (口径), description, unit, business_line.</summary>
    public IReadOnlyList<string> Required { get; init; } = [];

    public static readonly string[] RequirableFields = ["owner", "definition", "description", "unit", "business_line"];
}
