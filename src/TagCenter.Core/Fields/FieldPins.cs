using TagCenter.Core.Text;
using TagCenter.Core.Workspace;

namespace TagCenter.Core.Fields;

/// <summary>Applies the classes pinned in the workspace (<c>fields:</c>): the pin wins, the evidence stays beside it.</summary>
public static class FieldPins
{
    public static IReadOnlyList<FieldProfile> Apply(IReadOnlyList<FieldProfile> fields, WorkspaceDefinition workspace)
    {
        var pins = workspace.FieldPins.ToDictionary(p => (TableOf(p, workspace), p.Column));
        return [.. fields.Select(f =>
        {
            if (!pins.TryGetValue((f.Table, f.Column), out var pin))
                return f;
            var evidence = f.Evidence.ToList();
            if (pin.Class != f.Class)
                evidence.Add(Texts.T("fields.ev.pin_disagrees", pin.Class.ToString().ToLowerInvariant(), f.Class.ToString().ToLowerInvariant()));
            if (pin.Note is { } note)
                evidence.Add(note);
            return f with { Class = pin.Class, EvidenceClass = f.Class, Pin = new FieldPinInfo(pin.Class, pin.Note), Evidence = evidence };
        })];
    }

    /// <summary>A pin names a source (its src_ table) or a fact table.</summary>
    private static string TableOf(FieldPin pin, WorkspaceDefinition workspace) =>
        pin.Table.StartsWith("fact_", StringComparison.Ordinal) ? pin.Table : workspace.FindSource(pin.Table)?.TableName ?? pin.Table;
}
