using TagCenter.Core.Diagnostics;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Text;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.DuckDb.Segments;

/// <summary>
/// What every surface over segments (the CLI's <c>segment …</c> commands, the server's <c>/segments</c>) starts
/// from: the declared segments and boards, the published tags, the data's as-of. One place, so both answer alike.
/// </summary>
public static class WorkspaceSegments
{
    /// <summary>Declared segments and the crowds written inline in boards.</summary>
    public static (SegmentCatalog Segments, BoardCatalog Boards) Load(WorkspaceDefinition definition)
    {
        var segments = SegmentCatalog.Load(definition.Root);
        return (segments, BoardCatalog.Load(definition.Root, segments));
    }

    /// <summary>Every segment, declared or inline in a board.</summary>
    public static SegmentCatalog All(WorkspaceDefinition definition)
    {
        var (segments, boards) = Load(definition);
        return SegmentCatalog.From([.. segments.Segments, .. boards.InlineSegments]);
    }

    /// <summary>The published tags, or a workspace error saying no tag run has published any yet.</summary>
    public static TagCatalog Published(WorkspaceDatabase db) => PublishedCatalog.Load(db)
        ?? throw new WorkspaceException([new Diagnostic("tags/", 0, 0, Texts.T("tags.unpublished"))]);

    /// <summary>The as-of of the latest tag run (segments are counted over the data it saw), else now in the workspace's zone.</summary>
    public static DateTime AsOf(WorkspaceDatabase db, WorkspaceDefinition definition, TimeProvider time) =>
        SegmentPass.LatestTagRun(db).AsOf ?? Now(definition, time);

    /// <summary>The wall time now in the workspace's zone.</summary>
    public static DateTime Now(WorkspaceDefinition definition, TimeProvider time) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(time.GetUtcNow(), definition.TimeZone).DateTime, DateTimeKind.Unspecified);

    /// <summary>The latest evaluation of a segment (or the one in force at <paramref name="asOf"/>), or a not-found error saying it has not been evaluated.</summary>
    public static SegmentRun LatestRun(WorkspaceDatabase db, string segment, DateTime? asOf = null) =>
        SegmentHistory.At(db, segment, asOf)
        ?? throw new NotFoundException(asOf is null ? Texts.T("segment.notevaluated", segment) : Texts.T("segment.noruns.asof", segment, asOf));
}
