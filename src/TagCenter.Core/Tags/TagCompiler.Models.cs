using TagCenter.Core.Sql;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.Core.Tags;

/// <summary>
/// Model tags in the statement: each is a column of the base layer (t0), joined from the query of its model's version
/// in use, so every later layer reads it like a person field; then typed and stored like any tag. Without a trained
/// version the column is a typed NULL: rules reading it see unknown, not an error.
/// </summary>
public static partial class TagCompiler
{
    /// <summary>A tag filled by a model (no rule of its own), still in use.</summary>
    public static bool IsModelTag(TagDefinition tag) => tag.Kind == TagKind.Model && tag.Rule is null && tag.Status != "deprecated";

    /// <summary>The base-layer column holding a model tag's value before it is typed.</summary>
    private static string ModelColumn(TagDefinition tag) => "m_" + tag.Code;

    private static IEnumerable<SqlFragment> ModelJoins(IReadOnlyList<TagDefinition> tags, IReadOnlyDictionary<string, SqlFragment> models) =>
        tags.Where(t => models.ContainsKey(t.Name)).Select((t, i) =>
            Of($"LEFT JOIN (SELECT oneid, value AS {Ident(ModelColumn(t))} FROM ({models[t.Name]}) {Raw($"ms_{i}")}) {Raw($"m_{i}")} USING (oneid)"));

    private static IEnumerable<SqlFragment> ModelColumns(IReadOnlyList<TagDefinition> tags, IReadOnlyDictionary<string, SqlFragment> models, SqlDialect dialect) =>
        tags.Select(t => models.ContainsKey(t.Name)
            ? Ident(ModelColumn(t))
            : Of($"CAST(NULL AS {Raw(dialect.TypeName(t.Type))}) AS {Ident(ModelColumn(t))}"));
}
