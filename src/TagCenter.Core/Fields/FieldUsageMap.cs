using TagCenter.Core.Workspace;

namespace TagCenter.Core.Fields;

/// <summary>
/// Lineage from columns to their users: identifier types and golden fields from the workspace, tags from what
/// each compiled rule reads (<c>fact_orders.amount</c>, <c>dim_person.city</c>). A source column feeds the fact
/// it joins, so a tag reading <c>fact_orders.amount</c> uses <c>src_orders.amount</c> too; a tag reading a golden
/// field uses every column that field is chosen from.
/// </summary>
public sealed class FieldUsageMap
{
    /// <summary>Columns the unified model adds to every fact: the person's key and the event time.</summary>
    private static readonly string[] FactKeys = ["oneid", "event_time"];

    private readonly WorkspaceDefinition _workspace;
    private readonly Dictionary<string, SortedSet<string>> _tagsByRead = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _tagsByFact = new(StringComparer.Ordinal);

    public FieldUsageMap(WorkspaceDefinition workspace, IReadOnlyDictionary<string, IReadOnlyList<string>> reads)
    {
        _workspace = workspace;
        foreach (var (tag, list) in reads)
            foreach (var read in list)
            {
                // "fact_events.event=page_view" reads the event column.
                var key = read.Split('=')[0];
                Add(_tagsByRead, key, tag);
                if (key.StartsWith("fact_", StringComparison.Ordinal))
                    Add(_tagsByFact, key.Split('.')[0], tag);
            }
    }

    /// <summary>The users of <paramref name="column"/> of <paramref name="table"/> (a src_ or fact_ table).</summary>
    public FieldUsage Of(string table, string column)
    {
        if (table.StartsWith("fact_", StringComparison.Ordinal))
        {
            var fact = table["fact_".Length..];
            var feeding = _workspace.Sources.Where(s => s.Fact == fact).ToList();
            var identifier = feeding.SelectMany(s => s.Columns).FirstOrDefault(c => c.Name == column && c.Identifier is not null)?.Identifier;
            return new FieldUsage(identifier, [], column == "event_time" ? FactTags(table) : Tags($"{table}.{column}"))
            {
                ModelKey = FactKeys.Contains(column) || (column.EndsWith("_oneid", StringComparison.Ordinal) && feeding.All(s => s.Columns.All(c => c.Name != column))),
            };
        }
        var source = _workspace.Sources.FirstOrDefault(s => s.TableName == table);
        if (source is null)
            return FieldUsage.None;
        var declared = source.Columns.FirstOrDefault(c => c.Name == column);
        var golden = _workspace.Identity.Golden.Where(g => g.From.Contains((source.Name, column))).Select(g => g.Name).ToList();
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        if (source.Fact is not null)
            tags.UnionWith(column == source.EventTime ? FactTags("fact_" + source.Fact) : Tags($"fact_{source.Fact}.{column}"));
        foreach (var field in golden)
            tags.UnionWith(Tags($"dim_person.{field}"));
        return new FieldUsage(declared?.Identifier, golden, [.. tags]) { DedupeKey = source.Dedupe.Contains(column) };
    }

    private IReadOnlyList<string> Tags(string read) => _tagsByRead.TryGetValue(read, out var tags) ? [.. tags] : [];

    private IReadOnlyList<string> FactTags(string table) => _tagsByFact.TryGetValue(table, out var tags) ? [.. tags] : [];

    private static void Add(Dictionary<string, SortedSet<string>> map, string key, string tag)
    {
        if (!map.TryGetValue(key, out var tags))
            map[key] = tags = new SortedSet<string>(StringComparer.Ordinal);
        tags.Add(tag);
    }
}
