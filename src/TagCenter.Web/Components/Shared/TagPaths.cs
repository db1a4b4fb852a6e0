namespace TagCenter.Web.Components.Shared;

/// <summary>The API paths of the tag resources the pages read.</summary>
public static class TagPaths
{
    public const string Tree = "api/v1/tags";

    public static string Tag(string name) => "api/v1/tags/" + Uri.EscapeDataString(name);
}
