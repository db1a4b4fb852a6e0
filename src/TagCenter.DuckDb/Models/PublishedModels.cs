using System.Text.Json;
using System.Text.Json.Serialization;
using TagCenter.Core.Models;
using TagCenter.Core.Tags;
using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// The models as last applied (<c>model_catalog</c>): what <c>tagcenter run</c> trains. The files under models/ are
/// proposals until <c>tagcenter apply</c> publishes them, as tags are; every apply's model changes are recorded in
/// <c>model_catalog_history</c>.
/// </summary>
public static class PublishedModels
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    public static void Ensure(WorkspaceDatabase db) => db.Execute("""
        CREATE TABLE IF NOT EXISTS model_catalog (position INTEGER, name VARCHAR PRIMARY KEY, definition_json VARCHAR, published_at TIMESTAMP);
        CREATE TABLE IF NOT EXISTS model_catalog_history (applied_at TIMESTAMP, action VARCHAR, name VARCHAR, before_json VARCHAR, after_json VARCHAR);
        """);

    /// <summary>The published models, checked against nothing (they were checked when applied); none when never applied.</summary>
    public static IReadOnlyList<ModelDefinition> Definitions(WorkspaceDatabase db) =>
        !db.TableExists("model_catalog") ? [] // read-only callers must not create tables
            : [.. db.Rows("SELECT definition_json FROM model_catalog ORDER BY position").Select(r => Parse((string)r[0]!))];

    /// <summary>The published models as a catalog over <paramref name="tags"/> (the published tags, which their features read).</summary>
    public static ModelCatalog Load(WorkspaceDatabase db, TagCatalog? tags) => ModelCatalog.From(Definitions(db), tags);

    /// <summary>When each published model was last added or changed.</summary>
    public static IReadOnlyDictionary<string, DateTime> PublishedAt(WorkspaceDatabase db) =>
        !db.TableExists("model_catalog") ? new Dictionary<string, DateTime>()
            : db.Rows("SELECT name, published_at FROM model_catalog").ToDictionary(r => (string)r[0]!, r => (DateTime)r[1]!, StringComparer.Ordinal);

    public static string Json(ModelDefinition model) => JsonSerializer.Serialize(model, Options);

    public static ModelDefinition Parse(string json) => JsonSerializer.Deserialize<ModelDefinition>(json, Options)!;

    /// <summary>Replaces the published models with <paramref name="files"/> and records the plan's changes.</summary>
    public static void Publish(WorkspaceDatabase db, ModelCatalog files, ModelPlan plan, DateTime at)
    {
        Ensure(db);
        var changed = plan.Changes.Where(c => c.Action != ModelChangeAction.Removed).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var since = PublishedAt(db);
        db.InTransaction(() =>
        {
            db.Execute("DELETE FROM model_catalog");
            var position = 0;
            foreach (var model in files.Models)
                db.Execute("INSERT INTO model_catalog VALUES ($1, $2, $3, $4)", position++, model.Name, Json(model),
                    changed.Contains(model.Name) || !since.TryGetValue(model.Name, out var when) ? at : when);
            foreach (var change in plan.Changes)
                db.Execute("INSERT INTO model_catalog_history VALUES ($1, $2, $3, $4, $5)", at, change.Action.ToString().ToLowerInvariant(), change.Name,
                    change.Before is null ? null : Json(change.Before), change.After is null ? null : Json(change.After));
        });
    }
}
