using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Pipeline;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Runs;

/// <summary>
/// <c>POST /api/v1/runs</c>: <c>{"kind":"refresh"|"run", "tags":[…], "as_of":"…", "due":false, "allow_shrink":false}</c>,
/// the options of <c>tagcenter run</c> and <c>tagcenter refresh</c>.
/// </summary>
public sealed record RunBody(string? Kind, IReadOnlyList<string>? Tags, string? AsOf, bool Due = false, bool AllowShrink = false)
{
    public const string Refresh = "refresh";

    public const string Run = "run";

    /// <summary>The kind, checked: a bad one is a 400 naming the two there are.</summary>
    public string CheckedKind() => Kind switch
    {
        Refresh or Run => Kind,
        _ => throw ApiException.BadRequest("invalid_kind", Texts.T("res.run.kind", Kind ?? "null")),
    };

    /// <summary>The as-of in the workspace's zone (wall time, instant, given), or now; a bad one is a 400 listing the formats.</summary>
    public (DateTime Local, DateTimeOffset Instant, bool Given) When(WorkspaceDefinition workspace, TimeProvider time)
    {
        if (AsOf is null)
        {
            var there = TimeZoneInfo.ConvertTime(time.GetUtcNow(), workspace.TimeZone);
            return (DateTime.SpecifyKind(there.DateTime, DateTimeKind.Unspecified), there, false);
        }
        var parsed = TagCenter.Core.Tags.AsOf.Parse(AsOf, workspace.TimeZone);
        return parsed.Error is null
            ? (parsed.Local!.Value, parsed.Instant!.Value, true)
            : throw ApiException.BadRequest("invalid_as_of", Texts.T("res.run.asof", AsOf, parsed.Error));
    }

    /// <summary>The tags a run computes (checked against the published catalog), and whether only those due.</summary>
    public TagSelection Selection(TagCatalog published)
    {
        foreach (var name in Tags ?? [])
            if (published.Find(name) is null)
                throw ApiException.BadRequest("unknown_tag", Texts.T("res.run.unknowntag", name));
        return new TagSelection(Tags is { Count: > 0 } ? Tags : null, Due);
    }
}
