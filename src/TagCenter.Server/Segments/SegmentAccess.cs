using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
using TagCenter.Server.Access;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Segments;

/// <summary>
/// What the caller may see of segments and tags, asked the same way by every segment and analysis endpoint: a
/// segment of a business line they cannot see does not exist for them (404, never 403, so nothing leaks), and
/// rules bind against the tags they may see, so another line's tag is an "unknown tag".
/// </summary>
public sealed class SegmentAccess(WorkspaceHost host, IDataPolicy policy)
{
    public WorkspaceHost Host => host;

    public IDataPolicy Policy => policy;

    /// <summary>Every segment (declared or inline in a board) <paramref name="caller"/> may see.</summary>
    public SegmentCatalog Visible(Caller caller) =>
        SegmentCatalog.From([.. WorkspaceSegments.All(host.Definition).Segments.Where(s => policy.CanSee(s, caller))]);

    /// <summary>The segment called <paramref name="name"/> if the caller may see it; else 404 with the closest visible name.</summary>
    public SegmentDefinition Get(string name, Caller caller) => Visible(caller).Get(name);

    /// <summary>The published tags the caller may use in rules.</summary>
    public TagCatalog Tags(WorkspaceDatabase db, Caller caller) => policy.VisibleTags(WorkspaceSegments.Published(db), caller);

    /// <summary>The members of a segment's evaluation as the caller may see them.</summary>
    public string? Mask(string oneId, Caller caller) => policy.Mask("oneid", oneId, caller);

    /// <summary>A time given in a query or body, in the workspace's zone; 400 naming the field when unreadable.</summary>
    public DateTime? Time(string field, string? text, bool end = false)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parsed = AsOf.Parse(text, host.Definition.TimeZone);
        if (parsed.Local is not { } local)
            throw Field(field, Texts.T("analysis.date.bad", text, AsOf.Formats));
        return end && text.Trim().Length == 10 ? local.AddDays(1) : local;
    }

    /// <summary>A 400 that names the field at fault (<c>steps[2]</c>).</summary>
    public static ApiException Field(string field, string message) =>
        ApiException.BadRequest("invalid_field", Texts.T("api.field.bad", field, message));
}
