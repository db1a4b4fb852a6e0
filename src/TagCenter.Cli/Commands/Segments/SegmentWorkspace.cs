using TagCenter.Cli.Console;
using TagCenter.Core.Diagnostics;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;

namespace TagCenter.Cli.Commands.Segments;

/// <summary>What the segment commands start from: the declared segments and boards, the published tags, the data's as-of.</summary>
internal static class SegmentWorkspace
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

    public static TagCatalog Published(WorkspaceDatabase db) => PublishedCatalog.Load(db)
        ?? throw new WorkspaceException([new Diagnostic("tags/", 0, 0, Texts.T("tags.unpublished"))]);

    /// <summary>The as-of of the latest tag run (segments are counted over the data it saw), else now.</summary>
    public static DateTime AsOf(WorkspaceDatabase db, WorkspaceDefinition definition) =>
        SegmentPass.LatestTagRun(db).AsOf ?? AsOfOption.Now(definition).Local;

    /// <summary>The latest evaluation of a segment, or a not-found error saying it has not been evaluated yet.</summary>
    public static SegmentRun LatestRun(WorkspaceDatabase db, string segment, DateTime? asOf = null) =>
        SegmentHistory.At(db, segment, asOf)
        ?? throw new NotFoundException(asOf is null ? Texts.T("segment.notevaluated", segment) : Texts.T("segment.noruns.asof", segment, asOf));
}
