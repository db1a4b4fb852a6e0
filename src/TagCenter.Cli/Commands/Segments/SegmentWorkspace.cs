using TagCenter.Cli.Console;
using TagCenter.Core.Segments;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.DuckDb.Segments;
using TagCenter.DuckDb.Storage;
using Shared = TagCenter.DuckDb.Segments.WorkspaceSegments;

namespace TagCenter.Cli.Commands.Segments;

/// <summary>The CLI's door to <see cref="Shared"/> (the logic lives there, shared with the server); "now" is the CLI's clock.</summary>
internal static class SegmentWorkspace
{
    public static (SegmentCatalog Segments, BoardCatalog Boards) Load(WorkspaceDefinition definition) => Shared.Load(definition);

    public static SegmentCatalog All(WorkspaceDefinition definition) => Shared.All(definition);

    public static TagCatalog Published(WorkspaceDatabase db) => Shared.Published(db);

    public static DateTime AsOf(WorkspaceDatabase db, WorkspaceDefinition definition) =>
        SegmentPass.LatestTagRun(db).AsOf ?? AsOfOption.Now(definition).Local;

    public static SegmentRun LatestRun(WorkspaceDatabase db, string segment, DateTime? asOf = null) => Shared.LatestRun(db, segment, asOf);
}
