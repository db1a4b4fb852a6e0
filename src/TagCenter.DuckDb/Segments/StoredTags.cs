using TagCenter.Core.Sql;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;
using TagCenter.DuckDb.Tags;
using static TagCenter.Core.Sql.SqlFragment;

namespace TagCenter.DuckDb.Segments;

/// <summary>
/// Segment rules read the tag values the last runs stored (<c>person_tags</c>, what the bitmap index holds), not
/// values computed again at another as-of: each tag whose definition is the published one and whose column exists
/// is handed to the compiler like a model tag, a column read from <c>person_tags</c>. A tag edited but not yet
/// published (a plan's "after") keeps its rule and is computed.
/// </summary>
internal static class StoredTags
{
    public static (TagCatalog Catalog, IReadOnlyDictionary<string, SqlFragment> Values) Read(WorkspaceDatabase db, TagCatalog catalog)
    {
        var none = (catalog, (IReadOnlyDictionary<string, SqlFragment>)new Dictionary<string, SqlFragment>());
        if (!db.TableExists("person_tags"))
            return none;
        // Without a published catalog (runs given a catalog directly) the stored values came from this one.
        var published = PublishedCatalog.Load(db) ?? catalog;
        var columns = db.Rows("SELECT column_name FROM (DESCRIBE person_tags)").Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        var values = new Dictionary<string, SqlFragment>();
        var tags = catalog.Tags.Select(tag =>
        {
            if (!columns.Contains(tag.Code) || published.Find(tag.Name) is not { } live || !Same(tag, live))
                return tag;
            values[tag.Name] = Of($"SELECT oneid, {Ident(tag.Code)} AS value FROM person_tags");
            return tag with { Kind = TagKind.Model, Rule = null, Status = "published" };
        }).ToList();
        return (TagCatalog.From(tags), values);
    }

    private static bool Same(TagDefinition a, TagDefinition b) =>
        a.Code == b.Code && a.Kind == b.Kind && a.Type == b.Type && a.Rule == b.Rule && a.Values.SequenceEqual(b.Values);
}
