namespace TagCenter.Web.Components.Shared;

/// <summary>Links to pages about a segment or a tag. Names may hold '/' (a board's crowds), so they travel in the query.</summary>
public static class SegmentLinks
{
    public static string View(string segment) => "/segments/view?name=" + Uri.EscapeDataString(segment);

    public static string Tag(string tag) => "/tags/view?name=" + Uri.EscapeDataString(tag);

    /// <summary>The API path of a segment (its name as one path segment).</summary>
    public static string Api(string segment) => "api/v1/segments/" + Uri.EscapeDataString(segment);
}
