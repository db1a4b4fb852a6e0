using TagCenter.Core.Workspace;

namespace TagCenter.DuckDb.Realtime;

/// <summary>
/// The workspace definition the live path places events with, and what it derives from it once: each identifier
/// type's entity, and the identifier types only event (Segment) sources declare (whoever has one is a person events
/// name, read ahead).
/// </summary>
internal sealed record LiveDefinition(WorkspaceDefinition Workspace, Dictionary<string, string> Entities, List<string> EventOnly)
{
    public static LiveDefinition Of(WorkspaceDefinition workspace) => new(workspace,
        workspace.Identifiers.GroupBy(i => i.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Entity, StringComparer.Ordinal),
        EventOnlyTypes(workspace));

    /// <summary>Identifier types that only event (Segment) sources declare: whoever has one is a person events name.</summary>
    private static List<string> EventOnlyTypes(WorkspaceDefinition workspace)
    {
        var byEvents = workspace.Sources.Where(s => s.Kind == SourceKind.Segment).SelectMany(s => s.Columns).Select(c => c.Identifier).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var byOthers = workspace.Sources.Where(s => s.Kind != SourceKind.Segment).SelectMany(s => s.Columns).Select(c => c.Identifier).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. byEvents.Except(byOthers).Order(StringComparer.Ordinal)];
    }
}
