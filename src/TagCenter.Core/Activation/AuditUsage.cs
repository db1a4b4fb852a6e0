using System.Text.Json;

namespace TagCenter.Core.Activation;

/// <summary>One audit row as usage counting needs it: what was done, to what, its after-state (JSON) and when.</summary>
public sealed record AuditUse(string Action, string Target, string? After, DateTimeOffset At);

/// <summary>How often something was read through the API and exported within a window, and when it was last.</summary>
public sealed record UseCount(long Reads, long Exports, DateTimeOffset? Last)
{
    public static readonly UseCount None = new(0, 0, null);

    public long Total => Reads + Exports;

    public UseCount Plus(UseCount other) =>
        new(Reads + other.Reads, Exports + other.Exports, Last is null ? other.Last : other.Last is null || Last > other.Last ? Last : other.Last);
}

/// <summary>
/// Tag and segment usage counted from the audit log (标签使用次数): <c>tag.read</c> and <c>segment.read</c> rows carry
/// how many reads a caller made in one flush interval (<c>{"reads": n}</c>); an export row (<c>segment.export</c> from
/// the API or the CLI, <c>export</c> of all tag values from the CLI) is one export of each tag in its <c>tags</c> list,
/// and a <c>segment.export</c> is also one export of its segment.
/// </summary>
public static class AuditUsage
{
    public const string TagRead = "tag.read";
    public const string SegmentRead = "segment.read";
    public const string SegmentExport = "segment.export";
    public const string Export = "export";

    /// <summary>The audit actions usage is counted from.</summary>
    public static readonly IReadOnlyList<string> Actions = [TagRead, SegmentRead, SegmentExport, Export];

    public sealed record Tally(IReadOnlyDictionary<string, UseCount> Tags, IReadOnlyDictionary<string, UseCount> Segments)
    {
        public static readonly Tally Empty = new(new Dictionary<string, UseCount>(), new Dictionary<string, UseCount>());

        public UseCount Tag(string name) => Tags.GetValueOrDefault(name) ?? UseCount.None;

        public UseCount Segment(string name) => Segments.GetValueOrDefault(name) ?? UseCount.None;
    }

    /// <summary>Counts the rows; rows of other actions and after-states that are not the expected JSON are ignored.</summary>
    public static Tally Count(IEnumerable<AuditUse> rows)
    {
        var tags = new Dictionary<string, UseCount>(StringComparer.Ordinal);
        var segments = new Dictionary<string, UseCount>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            switch (row.Action)
            {
                case TagRead:
                    Add(tags, row.Target, Reads(row.After), 0, row.At);
                    break;
                case SegmentRead:
                    Add(segments, row.Target, Reads(row.After), 0, row.At);
                    break;
                case SegmentExport or Export:
                    if (row.Action == SegmentExport)
                        Add(segments, row.Target, 0, 1, row.At);
                    foreach (var tag in ExportedTags(row.After))
                        Add(tags, tag, 0, 1, row.At);
                    break;
            }
        }
        return new Tally(tags, segments);
    }

    /// <summary>The after-state of a read row: <paramref name="reads"/> reads since the previous row of this caller and target.</summary>
    public static string ReadsJson(long reads) => $"{{\"reads\":{reads}}}";

    private static void Add(Dictionary<string, UseCount> counts, string name, long reads, long exports, DateTimeOffset at)
    {
        if (reads == 0 && exports == 0)
            return;
        counts[name] = (counts.GetValueOrDefault(name) ?? UseCount.None).Plus(new UseCount(reads, exports, at));
    }

    private static long Reads(string? after)
    {
        using var json = Parse(after);
        return json is not null && json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("reads", out var r)
            && r.ValueKind == JsonValueKind.Number && r.TryGetInt64(out var n) && n > 0 ? n : 0;
    }

    private static List<string> ExportedTags(string? after)
    {
        using var json = Parse(after);
        if (json is null || json.RootElement.ValueKind != JsonValueKind.Object
            || !json.RootElement.TryGetProperty("tags", out var tags) || tags.ValueKind != JsonValueKind.Array)
            return [];
        return [.. tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).Distinct(StringComparer.Ordinal)];
    }

    private static JsonDocument? Parse(string? after)
    {
        if (string.IsNullOrWhiteSpace(after))
            return null;
        try
        {
            return JsonDocument.Parse(after);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
