using TagCenter.Core.Models;
using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// The seam between models and tag runs: for each model tag, a query of <c>(oneid, value)</c> from the version in use
/// of the model that fills it, the value cast to the tag's type (a list tag gets its items in rank order). Tags whose
/// model has never trained successfully are absent: the tag run leaves them empty.
/// </summary>
public static class ModelTagValues
{
    public static IReadOnlyDictionary<string, SqlFragment> InUse(WorkspaceDatabase db, ModelCatalog models, TagCatalog tags)
    {
        var inUse = ModelTables.InUse(db);
        var result = new Dictionary<string, SqlFragment>(StringComparer.Ordinal);
        foreach (var tag in tags.Tags.Where(t => t.Kind == TagKind.Model))
        {
            if (models.Filling(tag.Name) is not var (model, output) || !inUse.TryGetValue(model.Name, out var version))
                continue;
            result[tag.Name] = Query(model.Name, version, output, tag.Type);
        }
        return result;
    }

    /// <summary><c>SELECT oneid, value FROM model_outputs …</c> for one output of one version.</summary>
    public static SqlFragment Query(string model, int version, string output, TagValueType type) =>
        Typed(Of($"(SELECT oneid, position, number, text FROM model_outputs WHERE model = {Value(model)} AND version = {Value(version)} AND output = {Value(output)})"), type);

    /// <summary><c>SELECT oneid, value</c> from output rows <c>(oneid, position, number, text)</c>, the value cast to the tag's type.</summary>
    internal static SqlFragment Typed(SqlFragment rows, TagValueType type) => type switch
    {
        TagValueType.List => Of($"SELECT oneid, list(text ORDER BY position) AS value FROM {rows} AS r GROUP BY oneid"),
        TagValueType.String => Of($"SELECT oneid, text AS value FROM {rows} AS r"),
        _ => Of($"SELECT oneid, CAST(number AS {Raw(type.Sql())}) AS value FROM {rows} AS r"),
    };
}
