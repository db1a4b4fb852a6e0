using TagCenter.Core.Workspace;

namespace TagCenter.Core.Tags;

/// <summary>
/// What tag rules will be able to read, from the workspace's declarations alone (golden fields and fact
/// sources), before identity has built a single table: so <c>plan</c> and <c>apply</c> check a rule from the
/// first day, not at the first run.
/// </summary>
public static class DeclaredSchema
{
    public static ModelSchema Of(WorkspaceDefinition workspace)
    {
        var person = new Dictionary<string, TagValueType>(StringComparer.Ordinal);
        foreach (var golden in workspace.Identity.Golden)
        {
            var (source, column) = golden.From[0];
            var declared = workspace.FindSource(source)?.Columns.FirstOrDefault(c => c.Name == column);
            person[golden.Name] = declared is null ? TagValueType.String : Of(declared.Type);
        }
        if (person.ContainsKey("birthday"))
            person[ModelSchema.Age] = TagValueType.Int;
        var facts = new Dictionary<string, IReadOnlyDictionary<string, TagValueType>>(StringComparer.Ordinal);
        foreach (var source in workspace.Sources.Where(s => s.Fact is not null))
        {
            // Several sources may feed one fact: its columns are all of theirs.
            var columns = facts.TryGetValue(source.Fact!, out var known)
                ? new Dictionary<string, TagValueType>(known, StringComparer.Ordinal)
                : new Dictionary<string, TagValueType>(StringComparer.Ordinal);
            foreach (var column in source.Columns)
                columns.TryAdd(column.Name, Of(column.Type));
            columns["oneid"] = TagValueType.String;
            columns["event_time"] = TagValueType.Timestamp;
            facts[source.Fact!] = columns;
        }
        return new ModelSchema(person, facts);
    }

    private static TagValueType Of(ColumnType type) => type switch
    {
        ColumnType.Int => TagValueType.Int,
        ColumnType.Decimal => TagValueType.Decimal,
        ColumnType.Bool => TagValueType.Bool,
        ColumnType.Date => TagValueType.Date,
        ColumnType.Timestamp => TagValueType.Timestamp,
        _ => TagValueType.String,
    };
}
