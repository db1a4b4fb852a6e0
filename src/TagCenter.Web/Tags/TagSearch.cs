using TagCenter.Client;

namespace TagCenter.Web.Tags;

/// <summary>
/// The tag tree's search: a tag matches when its name, code, path, description or 口径 contains every word typed
/// (case-insensitive); dimensions and themes with no match drop out.
/// </summary>
public static class TagSearch
{
    public static IReadOnlyList<TagDimension> Filter(IReadOnlyList<TagDimension> tree, string? query)
    {
        var words = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
            return tree;
        return [.. tree
            .Select(d => d with { Themes = [.. d.Themes.Select(t => t with { Tags = [.. t.Tags.Where(tag => Matches(tag, words))] }).Where(t => t.Tags.Count > 0)] })
            .Where(d => d.Themes.Count > 0)];
    }

    public static bool Matches(TagView tag, IEnumerable<string> words) =>
        words.All(w => new[] { tag.Name, tag.Code, tag.Path, tag.Description, tag.Definition }.Any(f => f?.Contains(w, StringComparison.OrdinalIgnoreCase) == true));
}
