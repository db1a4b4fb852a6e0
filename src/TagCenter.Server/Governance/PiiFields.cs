using TagCenter.Core.Governance;
using TagCenter.Core.Tags;
using TagCenter.Core.Workspace;
using TagCenter.Server.Hosting;

namespace TagCenter.Server.Governance;

/// <summary>
/// Which field names are personal data, and of what kind: source columns marked <c>pii:</c> (phone and email
/// columns by their type), by column name and <c>source.column</c>; identifier types carried by such columns;
/// golden-record fields drawn from them; tags marked <c>pii:</c> by name and code; and, whatever the workspace
/// says, a field named like a kind (<c>phone</c>, <c>email</c>, <c>name</c>, <c>address</c>, <c>id_number</c>).
/// Rebuilt when the workspace definition or the tag files change.
/// </summary>
internal sealed class PiiFields(WorkspaceHost host)
{
    private readonly Lock _lock = new();
    private (WorkspaceDefinition Definition, Dictionary<string, PiiKind> Map)? _cache;

    public PiiKind? Kind(string field)
    {
        var map = Map();
        return map.TryGetValue(field, out var kind) ? kind : null;
    }

    /// <summary>Forget the map (after a tag file was published).</summary>
    public void Invalidate()
    {
        lock (_lock)
            _cache = null;
    }

    private Dictionary<string, PiiKind> Map()
    {
        var definition = host.Definition;
        lock (_lock)
        {
            if (_cache is { } c && ReferenceEquals(c.Definition, definition))
                return c.Map;
            var map = Build(definition, TagCatalog.Load(definition.Root));
            _cache = (definition, map);
            return map;
        }
    }

    internal static Dictionary<string, PiiKind> Build(WorkspaceDefinition definition, TagCatalog tags)
    {
        var map = new Dictionary<string, PiiKind>(StringComparer.OrdinalIgnoreCase)
        {
            ["phone"] = PiiKind.Phone,
            ["mobile"] = PiiKind.Phone,
            ["email"] = PiiKind.Email,
            ["name"] = PiiKind.Name,
            ["address"] = PiiKind.Address,
            ["id_number"] = PiiKind.IdNumber,
        };
        foreach (var source in definition.Sources)
            foreach (var column in source.Columns)
                if (column.EffectivePii is { } kind)
                {
                    map.TryAdd(column.Name, kind);
                    map[source.Name + "." + column.Name] = kind;
                    if (column.Identifier is { } identifier)
                        map.TryAdd(identifier, kind);
                }
        foreach (var field in definition.Identity.Golden)
            foreach (var (source, column) in field.From)
                if (map.TryGetValue(source + "." + column, out var kind))
                    map.TryAdd(field.Name, kind);
        foreach (var tag in tags.Tags)
            if (tag.Pii is { } kind)
            {
                map[tag.Name] = kind;
                map[tag.Code] = kind;
            }
        return map;
    }
}
