using System.Text.Json;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Tags;

/// <summary>
/// The tags as last applied (<c>tag_catalog</c>): what runs compute. The files under tags/ are proposals
/// until <c>tagcenter apply</c> publishes them; every apply is recorded in <c>tag_catalog_history</c>.
/// </summary>
public static class PublishedCatalog
{
    public static void Ensure(WorkspaceDatabase db) => db.Execute("""
        CREATE TABLE IF NOT EXISTS tag_catalog (position INTEGER, code VARCHAR PRIMARY KEY, name VARCHAR, definition_json VARCHAR, published_at TIMESTAMP);
        CREATE TABLE IF NOT EXISTS tag_catalog_history (applied_at TIMESTAMP, action VARCHAR, code VARCHAR, name VARCHAR, before_json VARCHAR, after_json VARCHAR);
        """);

    public static TagCatalog? Load(WorkspaceDatabase db)
    {
        if (!db.TableExists("tag_catalog"))
            return null; // nothing published (and read-only callers must not create tables)
        var rows = db.Rows("SELECT definition_json FROM tag_catalog ORDER BY position");
        return rows.Count == 0 ? null : TagCatalog.From(rows.Select(r => JsonSerializer.Deserialize<TagDefinition>((string)r[0]!)!).ToList());
    }

    public static string Json(TagDefinition tag) => JsonSerializer.Serialize(tag);

    /// <summary>Replaces the published catalog with <paramref name="catalog"/> and records what changed.</summary>
    public static void Publish(WorkspaceDatabase db, TagCatalog catalog, TagPlan plan, DateTime at)
    {
        Ensure(db);
        // A tag keeps the time it was last published unless this plan adds or changes it: freshness and
        // tag show compare that time with the tag's last run.
        var changed = plan.Changes.Where(c => c.Action != TagChangeAction.Removed).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var since = db.Rows("SELECT code, published_at FROM tag_catalog").ToDictionary(r => (string)r[0]!, r => (DateTime?)r[1]);
        db.InTransaction(() =>
        {
            db.Execute("DELETE FROM tag_catalog");
            var position = 0;
            foreach (var tag in catalog.Tags)
                db.Execute("INSERT INTO tag_catalog VALUES ($1, $2, $3, $4, $5)", position++, tag.Code, tag.Name, Json(tag),
                    changed.Contains(tag.Code) ? at : since.GetValueOrDefault(tag.Code) ?? at);
            foreach (var change in plan.Changes)
                db.Execute("INSERT INTO tag_catalog_history VALUES ($1, $2, $3, $4, $5, $6)", at, change.Action.ToString().ToLowerInvariant(), change.Code, change.Name,
                    change.Before is null ? null : Json(change.Before), change.After is null ? null : Json(change.After));
        });
    }
}
