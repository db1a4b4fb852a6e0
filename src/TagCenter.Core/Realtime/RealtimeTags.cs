using TagCenter.Core.Tags;

namespace TagCenter.Core.Realtime;

/// <summary>
/// Which tags the real-time path recomputes when a person's events arrive: every tag declared <c>refresh: realtime</c>
/// and every tag that reads one of them, directly or not — the same set a batch refresh of the real-time tags
/// stores (<c>TagRunner</c>'s downstream), so a real-time update and that refresh agree on every value they write.
/// </summary>
public static class RealtimeTags
{
    public const string Refresh = "realtime";

    /// <summary>The names of the tags declared real-time (with a rule; model tags are the model's).</summary>
    public static IReadOnlyList<string> Declared(TagCatalog catalog) =>
        [.. catalog.Tags.Where(t => t.Refresh == Refresh && t.Rule is not null && t.Status != "deprecated").Select(t => t.Name)];

    /// <summary>The real-time tags and every tag downstream of them, given each tag's direct dependencies.</summary>
    public static IReadOnlySet<string> Refreshed(TagCatalog catalog, IReadOnlyDictionary<string, IReadOnlyList<string>> dependencies)
    {
        var result = new HashSet<string>(Declared(catalog), StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var (tag, reads) in dependencies)
                if (!result.Contains(tag) && reads.Any(result.Contains))
                    grew |= result.Add(tag);
        }
        while (grew);
        return result;
    }
}
