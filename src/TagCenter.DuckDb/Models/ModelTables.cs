using TagCenter.DuckDb.Storage;

namespace TagCenter.DuckDb.Models;

/// <summary>
/// Where models keep their history: one row per training attempt in <c>model_versions</c> (failed ones too, with the
/// reason), and the per-person outputs of successful versions in <c>model_outputs</c>, one row per value (a list
/// value is one row per item, in order). The version in use is a model's latest successful one.
/// </summary>
public static class ModelTables
{
    public static void Ensure(WorkspaceDatabase db) => db.Execute("""
        CREATE TABLE IF NOT EXISTS model_versions (
            model VARCHAR NOT NULL, version INTEGER NOT NULL, kind VARCHAR NOT NULL, trained_at TIMESTAMP NOT NULL,
            as_of TIMESTAMP NOT NULL, parameters VARCHAR, metrics VARCHAR, data_hash VARCHAR, persons BIGINT,
            status VARCHAR NOT NULL, message VARCHAR, PRIMARY KEY (model, version));
        CREATE TABLE IF NOT EXISTS model_outputs (
            model VARCHAR NOT NULL, version INTEGER NOT NULL, oneid VARCHAR NOT NULL, output VARCHAR NOT NULL,
            position INTEGER NOT NULL, number DOUBLE, text VARCHAR);
        """);

    /// <summary>The version in use of each model (its latest successful one).</summary>
    public static IReadOnlyDictionary<string, int> InUse(WorkspaceDatabase db) =>
        !db.TableExists("model_versions") ? new Dictionary<string, int>()
            : db.Rows("SELECT model, max(version) FROM model_versions WHERE status = 'ok' GROUP BY model")
                .ToDictionary(r => (string)r[0]!, r => Convert.ToInt32(r[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
